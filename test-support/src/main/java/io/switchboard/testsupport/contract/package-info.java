@NullMarked
package io.switchboard.testsupport.contract;

import org.jspecify.annotations.NullMarked;
