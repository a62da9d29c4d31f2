/** Generation ids, token counting and the usage events every generation produces. */
@NullMarked
package io.switchboard.routing.usage;

import org.jspecify.annotations.NullMarked;
