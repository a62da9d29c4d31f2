@NullMarked
package io.switchboard.localstack;

import org.jspecify.annotations.NullMarked;
