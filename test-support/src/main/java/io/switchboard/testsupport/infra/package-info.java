@NullMarked
package io.switchboard.testsupport.infra;

import org.jspecify.annotations.NullMarked;
