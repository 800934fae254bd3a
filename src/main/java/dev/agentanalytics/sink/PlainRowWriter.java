package dev.agentanalytics.sink;

import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.BeanDescription;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.introspect.AnnotatedField;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;

/**
 * Writes a row of one class as the same JSON bytes as {@link RowJson}'s mapper, without Jackson, when the row is
 * plain: every field a String or a whole number ({@code long}, {@code int}, {@code Long}), every String printable
 * ASCII without a quote or a backslash (which JSON writes as it is). That is almost every row (ARNs, ids, names, instants, counts); any
 * other row, and every row of a class with another kind of field, is left to Jackson, so the bytes never differ.
 *
 * <p>Why: encoding rows through Jackson's bean serializer was a sixth of the engine thread's time; the field
 * names and their order are taken from the mapper once, so they cannot drift from what Jackson writes.
 */
final class PlainRowWriter {
    private enum Kind { TEXT, LONG, INT, BOXED_LONG }

    private final Field[] fields;
    private final Kind[] kinds;
    /** {@code "name":} of each field, with the comma before it for all but the first. */
    private final byte[][] prefixes;
    private byte[] buffer = new byte[1024];
    private int length;

    private PlainRowWriter(Field[] fields, Kind[] kinds, byte[][] prefixes) {
        this.fields = fields;
        this.kinds = kinds;
        this.prefixes = prefixes;
    }

    /** The writer of rows of {@code type} as {@code mapper} writes them, or null when its fields are not all plain. */
    static PlainRowWriter of(Class<?> type, ObjectMapper mapper) {
        BeanDescription description = mapper.getSerializationConfig().introspect(mapper.constructType(type));
        List<Field> fields = new ArrayList<>();
        List<Kind> kinds = new ArrayList<>();
        List<byte[]> prefixes = new ArrayList<>();
        for (BeanPropertyDefinition property : description.findProperties()) {
            AnnotatedField annotated = property.getField();
            if (annotated == null || property.hasGetter()) return null;
            Kind kind = kindOf(annotated.getAnnotated().getType());
            if (kind == null || !isPlain(property.getName())) return null;
            Field field = annotated.getAnnotated();
            // Without this every read re-checks the caller's access: a few percent of a replay's engine stage.
            if (!field.trySetAccessible()) return null;
            fields.add(field);
            kinds.add(kind);
            String prefix = (prefixes.isEmpty() ? "" : ",") + '"' + property.getName() + "\":";
            prefixes.add(prefix.getBytes(StandardCharsets.US_ASCII));
        }
        return new PlainRowWriter(fields.toArray(new Field[0]), kinds.toArray(new Kind[0]),
                prefixes.toArray(new byte[0][]));
    }

    private static Kind kindOf(Class<?> type) {
        if (type == String.class) return Kind.TEXT;
        if (type == long.class) return Kind.LONG;
        if (type == int.class) return Kind.INT;
        if (type == Long.class) return Kind.BOXED_LONG;
        return null; // any other kind (a fraction, a boolean, ...) is left to Jackson
    }

    /** Written by JSON as it is: printable ASCII, no quote, no backslash. */
    private static boolean isPlain(char c) {
        return c >= 0x20 && c <= 0x7e && c != '"' && c != '\\';
    }

    private static boolean isPlain(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!isPlain(text.charAt(i))) return false;
        }
        return true;
    }

    /** The row as one JSON object into {@link #bytes()}; false (and nothing usable) when the row is not plain. */
    boolean write(Object row) throws IllegalAccessException {
        length = 0;
        append((byte) '{');
        for (int i = 0; i < fields.length; i++) {
            append(prefixes[i]);
            Field field = fields[i];
            switch (kinds[i]) {
                case TEXT:
                    String text = (String) field.get(row);
                    if (text == null) {
                        appendAscii("null");
                    } else if (!appendQuotedIfPlain(text)) {
                        return false;
                    }
                    break;
                case LONG:
                    appendAscii(Long.toString(field.getLong(row)));
                    break;
                case INT:
                    appendAscii(Integer.toString(field.getInt(row)));
                    break;
                default:
                    Long whole = (Long) field.get(row);
                    appendAscii(whole == null ? "null" : whole.toString());
            }
        }
        append((byte) '}');
        return true;
    }

    byte[] bytes() {
        return buffer;
    }

    int length() {
        return length;
    }

    private void append(byte b) {
        ensure(1);
        buffer[length++] = b;
    }

    private void append(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, length, bytes.length);
        length += bytes.length;
    }

    /** The text in quotes, when it is plain (checked while copying); false otherwise. */
    private boolean appendQuotedIfPlain(String text) {
        int n = text.length();
        ensure(n + 2);
        byte[] to = buffer;
        int at = length;
        to[at++] = '"';
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (!isPlain(c)) return false;
            to[at++] = (byte) c;
        }
        to[at++] = '"';
        length = at;
        return true;
    }

    /** Text known to be ASCII, one byte per char. */
    private void appendAscii(String text) {
        int n = text.length();
        ensure(n);
        for (int i = 0; i < n; i++) buffer[length + i] = (byte) text.charAt(i);
        length += n;
    }

    private void ensure(int more) {
        if (length + more > buffer.length) buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
    }
}
