package org.policyadvisor.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** References: 13 random symbols and a check symbol; a single wrong or two swapped symbols are caught. */
class ReferenceTest {

    private final SecureRandom random = new SecureRandom();

    @Test
    void a_new_reference_is_fourteen_letters_and_digits_that_read_back_as_themselves() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            String reference = Reference.next(random);
            assertThat(reference).hasSize(14).matches("[0-9A-HJKMNP-TV-Z]+");
            assertThat(Reference.parse(reference)).contains(reference);
            assertThat(Reference.parse(Reference.display(reference))).contains(reference);
            seen.add(reference);
        }
        assertThat(seen).hasSize(2_000);
    }

    @Test
    void every_single_symbol_typo_and_every_swap_of_neighbours_fails_the_check() {
        String reference = Reference.next(random);
        for (int at = 0; at < reference.length(); at++) {
            for (char symbol : Reference.SYMBOLS.toCharArray()) {
                if (symbol == reference.charAt(at)) continue;
                String typo = reference.substring(0, at) + symbol + reference.substring(at + 1);
                assertThat(Reference.parse(typo)).as(typo).isEmpty();
            }
            if (at + 1 < reference.length() && reference.charAt(at) != reference.charAt(at + 1)) {
                String swapped = reference.substring(0, at) + reference.charAt(at + 1) + reference.charAt(at) + reference.substring(at + 2);
                assertThat(Reference.parse(swapped)).as(swapped).isEmpty();
            }
        }
    }

    @Test
    void typing_variants_are_read_as_crockford_says_and_anything_else_is_refused() {
        String canonical = Reference.next(random);
        while (canonical.indexOf('0') < 0 || canonical.indexOf('1') < 0) canonical = Reference.next(random);
        String typed = Reference.display(canonical).toLowerCase().replace('0', 'o').replace('1', 'l').replace('-', ' ');

        assertThat(Reference.parse(typed)).contains(canonical);
        assertThat(Reference.parse(canonical.replace('1', 'I'))).contains(canonical);
        assertThat(Reference.parse(canonical.substring(1))).isEmpty();
        assertThat(Reference.parse(canonical + "0")).isEmpty();
        assertThat(Reference.parse(canonical.substring(0, 13) + "U")).isEmpty();
        assertThat(Reference.parse(null)).isEmpty();
        assertThat(Reference.parse("x".repeat(1_000))).isEmpty();
    }
}
