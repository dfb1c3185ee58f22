package org.policyadvisor.records;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The records contract on the default store: an embedded H2 file under DATA_DIR. */
class ConsultationsEmbeddedTest extends ConsultationsContract {

    @TempDir
    Path dataDir;

    @Override
    Storage storage() {
        return Storage.embedded(dataDir);
    }
}
