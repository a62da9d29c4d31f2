package io.switchboard.kit.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoleTest {

    @Test
    void shouldOrderUserManagerOperatorWithServiceAboveAll() {
        assertThat(Role.MANAGER.atLeast(Role.USER)).isTrue();
        assertThat(Role.USER.atLeast(Role.MANAGER)).isFalse();
        assertThat(Role.OPERATOR.atLeast(Role.MANAGER)).isTrue();
        assertThat(Role.MANAGER.atLeast(Role.OPERATOR)).isFalse();
        assertThat(Role.SERVICE.atLeast(Role.OPERATOR)).isTrue();
        assertThat(Role.OPERATOR.atLeast(Role.SERVICE)).isFalse();
    }
}
