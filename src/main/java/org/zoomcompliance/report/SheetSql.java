package org.zoomcompliance.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * The SQL of the workbook's sheets, kept as resources next to this package ({@code
 * org/zoomcompliance/report/NAME.sql}), each statement under a {@code -- name: KEY} line and run with named
 * parameters ({@code :month}, {@code :from}...). A statement may take in another one of the files loaded with it
 * as {@code ${KEY}} (a shared definition, such as a locally recorded meeting, written once).
 */
final class SheetSql {

    private static final String FOLDER = "org/zoomcompliance/report/";
    private static final Pattern NAME = Pattern.compile("^-- name: *([a-z0-9-]+) *$", Pattern.MULTILINE);
    private static final Pattern INCLUDE = Pattern.compile("\\$\\{([a-z0-9-]+)}");

    private final NamedParameterJdbcTemplate jdbc;
    private final Map<String, String> statements;

    private SheetSql(NamedParameterJdbcTemplate jdbc, Map<String, String> statements) {
        this.jdbc = jdbc;
        this.statements = statements;
    }

    /** The statements of the given resources (a file name under the report's folder); a missing one breaks the build. */
    static SheetSql load(NamedParameterJdbcTemplate jdbc, String... resources) {
        Map<String, String> statements = new LinkedHashMap<>();
        for (String resource : resources) {
            String text;
            try {
                text = new ClassPathResource(FOLDER + resource).getContentAsString(StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("the bundled " + resource + " cannot be read", e);
            }
            Matcher names = NAME.matcher(text);
            String key = null;
            int from = 0;
            while (names.find()) {
                if (key != null) {
                    put(statements, resource, key, text.substring(from, names.start()));
                }
                key = names.group(1);
                from = names.end();
            }
            if (key == null) {
                throw new IllegalStateException(resource + " holds no '-- name:' statement");
            }
            put(statements, resource, key, text.substring(from));
        }
        Map<String, String> resolved = new LinkedHashMap<>();
        statements.forEach((key, sql) -> resolved.put(key, INCLUDE.matcher(sql).replaceAll(include -> {
            String included = statements.get(include.group(1));
            if (included == null) {
                throw new IllegalStateException("statement " + key + " takes in the unknown " + include.group());
            }
            return Matcher.quoteReplacement(included);
        })));
        return new SheetSql(jdbc, Map.copyOf(resolved));
    }

    private static void put(Map<String, String> statements, String resource, String key, String sql) {
        String statement = sql.strip();
        while (statement.endsWith(";")) {
            statement = statement.substring(0, statement.length() - 1).strip();
        }
        if (statements.put(key, statement) != null) {
            throw new IllegalStateException(resource + ": statement " + key + " is defined twice");
        }
    }

    /** A statement's text, its inclusions resolved. */
    String text(String key) {
        String sql = statements.get(key);
        if (sql == null) {
            throw new IllegalStateException("no statement " + key + " in the workbook's SQL");
        }
        return sql;
    }

    /** Streams a statement's rows (through a cursor when run inside a transaction with a fetch size). */
    void stream(String key, SqlParameterSource parameters, RowCallbackHandler handler) {
        jdbc.query(text(key), parameters, handler);
    }

    <T> List<T> list(String key, SqlParameterSource parameters, RowMapper<T> mapper) {
        return jdbc.query(text(key), parameters, mapper);
    }

    /** A statement returning one count. */
    long count(String key, SqlParameterSource parameters) {
        Long count = jdbc.queryForObject(text(key), parameters, Long.class);
        return count == null ? 0 : count;
    }
}
