package org.policyadvisor.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.policyadvisor.testing.MentorRules;
import org.policyadvisor.ruleset.Ruleset;
import org.policyadvisor.advice.FieldError;
import org.policyadvisor.advice.InvalidInput;

class ClaimBinderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MENTOR = "\"mentor\": {\"residency\": \"HK\", \"mainlandWorkExperience\": true}";
    private static final String MENTEES = "\"mentees\": [{\"id\": \"m1\", \"startDate\": \"2026-01-10\", \"employedAtStart\": true}]";

    private static BoundClaim bind(String json) {
        try {
            Ruleset rules = MentorRules.ruleset();
            return ClaimBinder.fromJson(JSON.readTree(json), ClaimSchedules.of(rules).byPath("/api/v1/mentor-subsidy").orElseThrow(), rules.catalogue());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<FieldError> errors(String json) {
        try {
            bind(json);
        } catch (InvalidInput e) {
            return e.errors();
        }
        throw new AssertionError("the claim was accepted");
    }

    private static List<String> pointersAndCodes(String json) {
        return errors(json).stream().map(e -> e.pointer() + " " + e.code()).toList();
    }

    @Test
    void a_valid_claim_keeps_every_item_with_its_index_and_fields_in_the_declared_types() {
        BoundClaim claim = bind("{\"asOf\": \"2026-11-27\", " + MENTOR + ", \"mentees\": [{\"id\": \"m1\", \"startDate\": \"2026-01-10\","
                + " \"employedAtStart\": false, \"previouslyPaid\": {\"JOB_PLACEMENT\": 1000}}], \"items\": ["
                + "{\"mentee\": \"m1\", \"type\": \"JOB_PLACEMENT\", \"date\": \"2026-08-01\", \"insuredMonths\": 7},"
                + "{\"type\": \"PUBLIC_WELFARE_ACTIVITY\", \"date\": \"2026-06-01\", \"quantity\": 2}]}");

        assertThat(claim.asOf()).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(claim.claimant()).containsEntry("residency", "HK").containsEntry("mainlandWorkExperience", true);
        assertThat(claim.parties().get("mentees")).singleElement().satisfies(mentee -> assertThat(mentee.toString())
                .contains("id=m1").contains("startDate=2026-01-10").contains("employedAtStart=false").contains("seq=0"));
        assertThat(claim.perType()).extracting(Object::toString).anySatisfy(paid -> assertThat(paid).contains("JOB_PLACEMENT").contains("amount=1000"))
                .anySatisfy(paid -> assertThat(paid).contains("CAREER_GUIDANCE").contains("amount=0"));
        assertThat(claim.items()).extracting(Object::toString).satisfiesExactly(
                first -> assertThat(first).contains("index=0").contains("type=JOB_PLACEMENT").contains("insuredMonths=7").contains("seq=1"),
                second -> assertThat(second).contains("index=1").contains("quantity=2").contains("seq=0"));
    }

    @Test
    void unknown_mentees_item_types_bad_quantities_and_dates_each_get_their_own_pointer() {
        assertThat(pointersAndCodes("{" + MENTOR + ", " + MENTEES + ", \"items\": ["
                + "{\"mentee\": \"m9\", \"type\": \"CAREER_GUIDANCE\", \"date\": \"2026-02-01\", \"quantity\": 1},"
                + "{\"mentee\": \"m1\", \"type\": \"CAREER_GUIDANCE\", \"date\": \"2026-02-01\", \"quantity\": 0},"
                + "{\"mentee\": \"m1\", \"type\": \"CAREER_GUIDANCE\", \"date\": \"2026-02-01\", \"quantity\": -3},"
                + "{\"mentee\": \"m1\", \"type\": \"CAREER_GUIDANCE\", \"date\": \"2026-02-30\", \"quantity\": 1.5},"
                + "{\"mentee\": \"m1\", \"type\": \"LUNCH\", \"date\": \"yesterday\", \"quantity\": 1}]}"))
                .containsExactlyInAnyOrder(
                        "/items/0/mentee unknown-party",
                        "/items/1/quantity at-least",
                        "/items/2/quantity at-least",
                        "/items/3/date not-a-date",
                        "/items/3/quantity not-an-integer",
                        "/items/4/type not-allowed",
                        "/items/4/date not-a-date");
    }

    @Test
    void the_list_of_allowed_item_types_comes_from_the_rules() {
        FieldError error = errors("{" + MENTOR + ", \"items\": [{\"type\": \"LUNCH\", \"date\": \"2026-02-01\", \"quantity\": 1}]}").get(0);
        assertThat(error.args()).containsExactly("CAREER_GUIDANCE, INTERNSHIP_GUIDANCE, JOB_PLACEMENT, PUBLIC_WELFARE_ACTIVITY");
    }

    @Test
    void more_than_200_items_are_refused_at_the_list() {
        String item = "{\"type\": \"PUBLIC_WELFARE_ACTIVITY\", \"date\": \"2026-06-01\", \"quantity\": 1}";
        String items = String.join(",", java.util.Collections.nCopies(201, item));
        assertThat(errors("{" + MENTOR + ", \"items\": [" + items + "]}"))
                .containsExactly(FieldError.of("/items", "too-many", 200));
        assertThat(bind("{" + MENTOR + ", \"items\": [" + String.join(",", java.util.Collections.nCopies(200, item)) + "]}").items()).hasSize(200);
    }

    @Test
    void unknown_fields_and_wrong_types_are_refused_at_every_level() {
        assertThat(pointersAndCodes("{\"claimant\": 1, \"mentor\": {\"residency\": \"HK\", \"mainlandWorkExperience\": \"yes\", \"asOf\": \"2026-01-01\"},"
                + " \"mentees\": [{\"id\": 7, \"startDate\": \"2026-01-10\", \"employedAtStart\": \"true\", \"name\": \"x\","
                + " \"previouslyPaid\": {\"CAREER_GUIDANCE\": -1, \"PUBLIC_WELFARE_ACTIVITY\": 1000, \"LUNCH\": 5}}, 3],"
                + " \"items\": [{\"mentee\": \"m1\", \"type\": \"PUBLIC_WELFARE_ACTIVITY\", \"date\": \"2026-06-01\", \"quantity\": 1,"
                + " \"insuredMonths\": 2, \"note\": \"x\"}]}"))
                .containsExactlyInAnyOrder(
                        "/claimant unknown-field",
                        "/mentor/asOf unknown-field",
                        "/mentor/mainlandWorkExperience not-a-boolean",
                        "/mentees/0/name unknown-field",
                        "/mentees/0/id not-a-string",
                        "/mentees/0/employedAtStart not-a-boolean",
                        "/mentees/0/previouslyPaid/CAREER_GUIDANCE out-of-range",
                        "/mentees/0/previouslyPaid/PUBLIC_WELFARE_ACTIVITY not-allowed",
                        "/mentees/0/previouslyPaid/LUNCH not-allowed",
                        "/mentees/1 not-an-object",
                        "/items/0/note unknown-field",
                        "/items/0/mentee not-for-type",
                        "/items/0/insuredMonths not-for-type");
    }

    @Test
    void required_fields_and_duplicate_mentee_ids_are_named() {
        assertThat(pointersAndCodes("{\"mentees\": [{\"id\": \"m1\", \"startDate\": \"2026-01-10\", \"employedAtStart\": true},"
                + " {\"id\": \"m1\"}], \"items\": [{\"type\": \"JOB_PLACEMENT\", \"quantity\": 2}, {}]}"))
                .containsExactlyInAnyOrder(
                        "/mentor required",
                        "/mentees/1/id duplicate-id",
                        "/mentees/1/startDate required",
                        "/mentees/1/employedAtStart required",
                        "/items/0/date required",
                        "/items/0/mentee required",
                        "/items/0/quantity not-for-type",
                        "/items/0/insuredMonths required",
                        "/items/1/type required",
                        "/items/1/date required");
        assertThat(pointersAndCodes("{" + MENTOR + ", \"mentees\": [{\"id\": \"m1\", \"startDate\": \"soon\", \"employedAtStart\": true}],"
                + " \"items\": [{\"mentee\": \"m1\", \"type\": \"CAREER_GUIDANCE\", \"date\": \"2026-02-01\", \"quantity\": 1}]}"))
                .as("the item is not blamed for its mentee's bad date").containsExactly("/mentees/0/startDate not-a-date");
        assertThat(pointersAndCodes("{" + MENTOR + "}")).containsExactly("/items required");
        assertThat(pointersAndCodes("[]")).containsExactly(" not-an-object");
    }

    @Test
    void a_placement_needs_at_least_the_months_of_its_first_part_as_the_rules_say() {
        assertThat(errors("{" + MENTOR + ", \"mentees\": [{\"id\": \"m1\", \"startDate\": \"2026-01-10\", \"employedAtStart\": false}],"
                + " \"items\": [{\"mentee\": \"m1\", \"type\": \"JOB_PLACEMENT\", \"date\": \"2026-02-01\", \"insuredMonths\": 0}]}"))
                .containsExactly(FieldError.of("/items/0/insuredMonths", "at-least", 1));
    }

    @Test
    void the_error_never_carries_the_submitted_value() {
        assertThatThrownBy(() -> bind("{" + MENTOR + ", " + MENTEES + ", \"items\": [{\"mentee\": \"陈大文\", \"type\": \"CAREER_GUIDANCE\","
                + " \"date\": \"1999-99-99\", \"quantity\": 1}]}"))
                .isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).errors().toString()).doesNotContain("陈大文").doesNotContain("1999"));
    }
}
