package org.zoomcompliance.cli;

import java.io.PrintWriter;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;
import org.zoomcompliance.pseudonymisation.KeyManagement;
import org.zoomcompliance.pseudonymisation.PseudonymKey;
import org.zoomcompliance.schema.StoredTable;
import picocli.CommandLine.Command;

/** {@code keys}: the pseudonymisation key. */
@Command(name = "keys", mixinStandardHelpOptions = true, description = "Show or rotate the pseudonymisation key.",
        subcommands = {KeysCommand.Status.class, KeysCommand.Rotate.class})
final class KeysCommand extends CommandGroup {

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Show key versions and the stored rows using each (never the secret).")
    static final class Status extends PipelineCommand {
        /** It lists an unusable key with its problem, then exits 4, rather than refusing at once. */
        @Override
        protected boolean needsUsableKeys() {
            return false;
        }

        @Override
        protected int run(ConfigurableApplicationContext context) {
            PrintWriter out = out();
            int problems = 0;
            List<KeyManagement.KeyStatus> keys = context.getBean(KeyManagement.class).status();
            if (keys.isEmpty()) {
                out.println(text("cli.keys.none"));
                out.flush();
                return ExitCodes.OK;
            }
            // one column per table holding pseudonyms, named as in SQL (docs/guide-export-kind.md)
            StringBuilder header = new StringBuilder(String.format("%-8s %-8s %-20s", text("cli.keys.version"),
                    text("cli.keys.current"), text("cli.keys.created")));
            KeyManagement.KEYED_TABLES.forEach(table -> header.append(' ').append(column(table, table.sqlName())));
            out.println(header.append("  ").append(text("cli.keys.source")));
            for (KeyManagement.KeyStatus key : keys) {
                StringBuilder line = new StringBuilder(String.format("%-8d %-8s %-20s", key.version(),
                        key.current() ? text("yes") : "",
                        key.created() == null ? "-" : key.created().toString().replaceFirst("\\.\\d+Z$", "Z")));
                KeyManagement.KEYED_TABLES.forEach(table -> line.append(' ')
                        .append(column(table, String.valueOf(key.usage().rows(table)))));
                out.println(line.append("  ").append(key.source()));
                if (key.problem() != null) {
                    out.println("         " + text("cli.keys.problem", key.problem()));
                    problems++;
                }
            }
            out.flush();
            return problems == 0 ? ExitCodes.OK : fail(ExitCodes.CONFIGURATION, problems + " key version(s) unusable");
        }

        /** {@code text} right-aligned in the column of {@code table}, as wide as the table's name. */
        private static String column(StoredTable table, String text) {
            return String.format("%" + table.sqlName().length() + "s", text);
        }
    }

    @Command(name = "rotate", mixinStandardHelpOptions = true,
            description = "Start a new key version; older versions stay until retention finds no row using them.")
    static final class Rotate extends PipelineCommand {
        @Override
        protected int run(ConfigurableApplicationContext context) {
            PseudonymKey key = context.getBean(KeyManagement.class).rotate();
            out().println(text("cli.keys.rotated", key.version()));
            out().flush();
            return ExitCodes.OK;
        }
    }
}
