package org.bridle.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.bridle.core.source.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PasswordOptionsTest {
    @TempDir
    Path dir;

    @Test
    void theFileWinsOverTheEnvironment() throws Exception {
        PasswordOptions options = new PasswordOptions();
        options.passwordFile = Files.writeString(dir.resolve("pw"), "from file\r\nsecond line\n");
        assertThat(options.supplier(Map.of(PasswordOptions.ENVIRONMENT, "from env")).password("the backup x"))
                .containsExactly("from file".toCharArray());
    }

    @Test
    void theEnvironmentWhenNoFile() throws Exception {
        assertThat(new PasswordOptions().supplier(Map.of(PasswordOptions.ENVIRONMENT, "from env"))
                .password("the backup x")).containsExactly("from env".toCharArray());
    }

    @Test
    void withoutFileEnvironmentOrTerminalItSaysHowToGiveOne() {
        // the tests run without a terminal, so no prompt can be shown
        assertThatThrownBy(() -> new PasswordOptions().supplier(Map.of()).password("the backup x"))
                .isInstanceOf(InputException.class)
                .hasMessage("The backup x is encrypted: give its password with --password-file FILE or the "
                        + "BRIDLE_BACKUP_PASSWORD environment variable.");
    }

    @Test
    void anUnreadablePasswordFileIsOneSentence() {
        PasswordOptions options = new PasswordOptions();
        options.passwordFile = dir.resolve("missing");
        assertThatThrownBy(() -> options.supplier(Map.of()).password("the backup x"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("The password file " + dir.resolve("missing") + " for the backup x cannot be read");
    }
}
