package cn.lianban.support;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/** Programs from Debian's packages that some tests run; `.ci/run` installs them. */
public final class DebianTools {

    private DebianTools() {
    }

    /**
     * Skips the calling test when the program is missing, saying so on the console with the package to install.
     * Per test rather than per class: Surefire then counts the test as skipped.
     */
    public static void assumeInstalled(String test, Path program, String debianPackage) {
        if (!Files.isExecutable(program)) {
            System.out.println("SKIPPING " + test + ": " + program + " is missing; install it with: apt-get install "
                    + debianPackage);
        }
        Assumptions.assumeTrue(Files.isExecutable(program), () -> program + " is missing");
    }
}
