package org.policyadvisor.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policyadvisor.catalogue.Status.MET;
import static org.policyadvisor.catalogue.Status.NOT_MET;
import static org.policyadvisor.catalogue.Status.UNKNOWN;

import org.junit.jupiter.api.Test;

class StatusTest {

    @Test
    void and_fails_as_soon_as_one_known_part_fails_even_when_the_other_is_unknown() {
        assertThat(NOT_MET.and(UNKNOWN)).isEqualTo(NOT_MET);
        assertThat(UNKNOWN.and(NOT_MET)).isEqualTo(NOT_MET);
        assertThat(MET.and(UNKNOWN)).isEqualTo(UNKNOWN);
        assertThat(UNKNOWN.and(UNKNOWN)).isEqualTo(UNKNOWN);
        assertThat(MET.and(MET)).isEqualTo(MET);
        assertThat(MET.and(NOT_MET)).isEqualTo(NOT_MET);
    }

    @Test
    void or_holds_as_soon_as_one_known_part_holds_even_when_the_other_is_unknown() {
        assertThat(MET.or(UNKNOWN)).isEqualTo(MET);
        assertThat(UNKNOWN.or(MET)).isEqualTo(MET);
        assertThat(NOT_MET.or(UNKNOWN)).isEqualTo(UNKNOWN);
        assertThat(UNKNOWN.or(UNKNOWN)).isEqualTo(UNKNOWN);
        assertThat(NOT_MET.or(NOT_MET)).isEqualTo(NOT_MET);
        assertThat(NOT_MET.or(MET)).isEqualTo(MET);
    }
}
