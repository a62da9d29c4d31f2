@NullMarked
package io.switchboard.testsupport.arch;

import org.jspecify.annotations.NullMarked;
