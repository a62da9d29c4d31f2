package io.switchboard.gateway.access;

import io.switchboard.gateway.FilterOrders;
import io.switchboard.gateway.auth.AuthenticationFilter;
import io.switchboard.kit.identity.Role;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.OrderedGatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@code AllowRoles=OPERATOR}: a route refuses keys of any other role with 403 before anything is forwarded. The
 * role also travels inside the signed identity, so the service behind can check it again.
 */
@Component
public class AllowRolesGatewayFilterFactory
        extends
            AbstractGatewayFilterFactory<AllowRolesGatewayFilterFactory.Config> {

    public AllowRolesGatewayFilterFactory() {
        super(Config.class);
    }

    @Override
    public List<String> shortcutFieldOrder() {
        return List.of("roles");
    }

    @Override
    public ShortcutType shortcutType() {
        return ShortcutType.GATHER_LIST;
    }

    @Override
    public GatewayFilter apply(Config config) {
        Set<Role> allowed = EnumSet.noneOf(Role.class);
        config.getRoles().forEach(role -> allowed.add(Role.valueOf(role.trim())));
        return new OrderedGatewayFilter((exchange, chain) -> Mono.defer(() -> {
            Roles.require(AuthenticationFilter.callerOf(exchange), allowed);
            return chain.filter(exchange);
        }), FilterOrders.ALLOWED_ROLES);
    }

    /** The roles a route accepts. */
    public static class Config {

        private List<String> roles = List.of();

        public List<String> getRoles() {
            return roles;
        }

        public void setRoles(List<String> roles) {
            this.roles = List.copyOf(roles);
        }
    }
}
