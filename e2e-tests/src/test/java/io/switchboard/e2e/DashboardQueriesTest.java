package io.switchboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DashboardQueriesTest {

    @Test
    void shouldFindTheMetricsOfAQuantileOverARatio() {
        assertThat(DashboardQueries.metricNames("histogram_quantile(0.99, sum by (le, model) "
                + "(rate(a_seconds_bucket{model=~\"x|y\", le!=\"1\"}[$__rate_interval]))) / "
                + "ignoring(job) group_left(model) b_total offset 5m * 3600"))
                .containsExactly("a_seconds_bucket", "b_total");
    }

    @Test
    void shouldFindAMetricSelectedByItsNameLabelOrBareWithAComparison() {
        assertThat(DashboardQueries.metricNames("max by (name, state) (c_state{state!=\"closed\"}) > 0 and d"))
                .containsExactly("c_state", "d");
    }

    @Test
    void shouldNotTakeFunctionsAggregationsOrVariablesForMetrics() {
        assertThat(DashboardQueries.metricNames("sum without (instance) (increase(e_total[${window}])) * 2e3"))
                .containsExactly("e_total");
    }
}
