package io.eventfold.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The harness's arithmetic and wording, without running anything (the runs are {@link BenchSmokeIT}'s). */
class BenchFiguresTest {

    @Test
    void a_target_reports_which_of_its_parts_are_met() {
        assertThat(Markdown.verdict(Markdown.part("≥ 10,000/s", false), Markdown.part("p99 ≤ 10 ms", false),
                Markdown.part("≥ 20× N+1", true)))
                .isEqualTo("**partly**: ≥ 20× N+1 yes; ≥ 10,000/s, p99 ≤ 10 ms no");
        assertThat(Markdown.verdict(Markdown.part("heap ≤ 512 MiB", true))).isEqualTo("yes");
        assertThat(Markdown.verdict(Markdown.part("≥ 2,000/s", false), Markdown.part("p99 ≤ 50 ms", false)))
                .isEqualTo("**no**");
    }

    @Test
    void reads_with_a_token_are_set_against_the_same_reads_without_one_and_must_keep_90_percent() {
        var without = new Measured.Throughput("no token", 100_000, 10_000, 1, 2);

        assertThat(Report.tokenCost(new Measured.Throughput("token", 95_000, 9_500, 1, 2), without))
                .contains("| 95% |", "no token: ", "| yes |");
        assertThat(Report.tokenCost(new Measured.Throughput("token", 80_000, 8_000, 1, 2), without))
                .contains("| 80% |", "| **no** |");
    }

    @Test
    void fewer_clients_are_a_quarter_and_a_half_of_the_main_run() {
        assertThat(Bench.fewerClients(16)).containsExactly(4, 8);
        assertThat(Bench.fewerClients(2)).containsExactly(1);
        assertThat(Bench.fewerClients(1)).isEmpty();
    }

    @Test
    void heap_use_is_summed_over_the_heap_pools_of_a_jstat_line() {
        var header = "    S0C         S1C         S0U         S1U          EC           EU           OC           OU"
                + "          MC         MU       CCSC      CCSU     YGC     YGCT     FGC    FGCT     CGC    CGCT"
                + "       GCT   ";
        var figures = "    15872.0     15872.0      1024.5         0.0      97280.0      29185.8     258048.0"
                + "      4000.0    61000.0    60000.0    8000.0    7500.0      3     0.041     0     0.000     -"
                + "         -     0.041";

        assertThat(ProcessSampler.heapUsed(header, figures))
                .isEqualTo(Math.round((1024.5 + 29185.8 + 4000.0) * 1024));
    }
}
