package org.policyadvisor.reload;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Real past cases (saved consultations) that a candidate is tried on beside the scenarios; the records feature supplies them. */
@FunctionalInterface
public interface PastCases {

    /** No store: the validate report says nothing about past cases. */
    PastCases NONE = () -> null;

    /** Each recent case's answers as a JSON object of the profile; null when no cases are kept. */
    List<JsonNode> recentProfiles();
}
