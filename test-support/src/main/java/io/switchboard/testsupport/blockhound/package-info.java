/** BlockHound allowances for libraries whose brief internal locks are not blocking I/O. */
@NullMarked
package io.switchboard.testsupport.blockhound;

import org.jspecify.annotations.NullMarked;
