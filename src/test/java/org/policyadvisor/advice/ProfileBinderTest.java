package org.policyadvisor.advice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.policyadvisor.RealRules;
import org.policyadvisor.catalogue.Catalogue;
import org.policyadvisor.catalogue.Lang;

class ProfileBinderTest {

    private final Catalogue catalogue = RealRules.ruleset().catalogue();

    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }

    private List<FieldError> errorsOf(String body) {
        try {
            ProfileBinder.fromJson(json(body), catalogue);
        } catch (InvalidInput e) {
            return e.errors();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("expected invalid input for " + body);
    }

    @Test
    void absent_and_null_fields_are_unknown_and_a_profile_without_applicant_type_is_a_person() throws Exception {
        AdviceRequest request = ProfileBinder.fromJson(json("{\"residency\": \"HK\", \"age\": null}"), catalogue);
        assertThat(request.answers()).containsEntry("residency", "HK").doesNotContainKey("age")
                .containsEntry("applicantType", "PERSON");
    }

    @Test
    void as_of_and_lang_are_read_besides_the_profile() throws Exception {
        AdviceRequest request = ProfileBinder.fromJson(json("{\"asOf\": \"2022-06-14\", \"lang\": \"zh-Hant\"}"), catalogue);
        assertThat(request.asOf()).isEqualTo(LocalDate.of(2022, 6, 14));
        assertThat(request.lang()).isEqualTo(Lang.ZH_HANT);
    }

    @Test
    void every_bad_field_is_reported_at_once_with_its_own_pointer() {
        List<FieldError> errors = errorsOf("""
                {"nickname": "x", "age": "thirty", "residency": "UK", "professionalQualification": "yes",
                 "asOf": "2026-13-01", "lang": "fr"}""");
        assertThat(errors).extracting(FieldError::pointer, FieldError::code).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("/nickname", "unknown-field"),
                org.assertj.core.groups.Tuple.tuple("/age", "not-an-integer"),
                org.assertj.core.groups.Tuple.tuple("/residency", "not-allowed"),
                org.assertj.core.groups.Tuple.tuple("/professionalQualification", "not-a-boolean"),
                org.assertj.core.groups.Tuple.tuple("/asOf", "not-a-date"),
                org.assertj.core.groups.Tuple.tuple("/lang", "not-a-lang"));
    }

    @Test
    void ages_outside_the_declared_range_and_fractions_are_refused() {
        assertThat(errorsOf("{\"age\": 131}")).extracting(FieldError::code).containsExactly("out-of-range");
        assertThat(errorsOf("{\"age\": -1}")).extracting(FieldError::code).containsExactly("out-of-range");
        assertThat(errorsOf("{\"age\": 30.5}")).extracting(FieldError::code).containsExactly("not-an-integer");
    }

    @Test
    void error_arguments_never_carry_the_submitted_value() {
        List<FieldError> errors = errorsOf("{\"residency\": \"SECRET-VALUE\", \"age\": 999}");
        assertThat(errors.toString()).doesNotContain("SECRET-VALUE").doesNotContain("999");
    }

    @Test
    void a_body_that_is_not_an_object_is_refused_at_the_root() {
        assertThat(errorsOf("[1, 2]")).extracting(FieldError::pointer).containsExactly("");
    }

    @Test
    void form_values_are_read_by_the_question_type_and_empty_means_unknown() {
        AdviceRequest request = ProfileBinder.fromForm(Map.of(
                "age", List.of("30"), "professionalQualification", List.of("true"), "residency", List.of("")), catalogue);
        assertThat(request.answers()).containsEntry("age", 30).containsEntry("professionalQualification", true)
                .doesNotContainKey("residency");
    }

    @Test
    void form_values_of_the_wrong_type_or_repeated_are_refused() {
        assertThatThrownBy(() -> ProfileBinder.fromForm(Map.of("age", List.of("3O"), "residency", List.of("HK", "MO")), catalogue))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors())
                        .extracting(FieldError::pointer, FieldError::code)
                        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("/age", "not-an-integer"),
                                org.assertj.core.groups.Tuple.tuple("/residency", "repeated")));
    }
}
