package dev.agentanalytics.parse;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * A field given twice in one object makes a record "not JSON" (docs/analytics.md §3.7), wherever the object is,
 * also in the parts the reader skips. Jackson's own check ({@code STRICT_DUPLICATE_DETECTION}) builds a hash set for
 * every object of three fields or more, a fifth of the whole parse on real records; this one keeps the names of the
 * objects open at the moment in reused arrays and compares a new name with its few siblings. Jackson hands out each
 * field name as one canonical String per parser, so the comparison is almost always a reference check. An object
 * of many fields (a hostile record) moves to a hash set, so the check never costs more than Jackson's.
 *
 * <p>Every token goes through {@link #nextToken()}, {@link #skipChildren()} included, so nothing escapes the check.
 */
final class DuplicateCheckingParser extends JsonParserDelegate {
    /** Past this many fields an object's names go to a hash set. */
    private static final int FEW = 16;

    /** The names seen so far in each open object, innermost last. */
    private String[][] names = new String[8][];
    private int[] counts = new int[8];
    /** The names of an open object of more than {@link #FEW} fields, else null. */
    private Set<String>[] many = newSets(8);
    private int depth; // open objects

    DuplicateCheckingParser(JsonParser parser) {
        super(parser);
    }

    @Override
    public JsonToken nextToken() throws IOException {
        JsonToken token = delegate.nextToken();
        if (token == JsonToken.FIELD_NAME) {
            add(delegate.currentName());
        } else if (token == JsonToken.START_OBJECT) {
            open();
        } else if (token == JsonToken.END_OBJECT) {
            depth--;
        }
        return token;
    }

    @Override
    public JsonParser skipChildren() throws IOException {
        JsonToken current = currentToken();
        if (current != JsonToken.START_OBJECT && current != JsonToken.START_ARRAY) return this;
        int open = 1;
        while (open > 0) {
            JsonToken token = nextToken();
            if (token == null) return this; // the end of the input: the caller sees it next
            if (token.isStructStart()) {
                open++;
            } else if (token.isStructEnd()) {
                open--;
            }
        }
        return this;
    }

    private void open() {
        if (depth == names.length) {
            names = Arrays.copyOf(names, depth * 2);
            counts = Arrays.copyOf(counts, depth * 2);
            many = Arrays.copyOf(many, depth * 2);
        }
        if (names[depth] == null) names[depth] = new String[FEW];
        counts[depth] = 0;
        many[depth] = null;
        depth++;
    }

    @SuppressWarnings("unchecked")
    private static Set<String>[] newSets(int size) {
        return (Set<String>[]) new Set<?>[size];
    }

    private void add(String name) throws JsonParseException {
        int level = depth - 1;
        Set<String> set = many[level];
        if (set != null) {
            if (!set.add(name)) throw duplicate(name);
            return;
        }
        String[] seen = names[level];
        int count = counts[level];
        for (int i = 0; i < count; i++) {
            String other = seen[i];
            if (other == name || other.equals(name)) throw duplicate(name);
        }
        if (count == FEW) {
            set = new HashSet<>(Arrays.asList(seen));
            set.add(name);
            many[level] = set;
            return;
        }
        seen[count] = name;
        counts[level] = count + 1;
    }

    /** Jackson's own words for it, as its strict check would have said. */
    private JsonParseException duplicate(String name) {
        return new JsonParseException(this, "Duplicate field '" + name + "'");
    }
}
