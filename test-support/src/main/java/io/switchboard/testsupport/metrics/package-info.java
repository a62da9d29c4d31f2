/** Reading a service's Prometheus scrape in tests, as Prometheus would. */
@NullMarked
package io.switchboard.testsupport.metrics;

import org.jspecify.annotations.NullMarked;
