package dev.agentanalytics.testing;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/**
 * Objects of the state classes with every public field set by reflection, each to a value of its own, so that a
 * serializer test covers a field added later without being told, and fails until the serializer writes it.
 */
public final class EveryFieldSet {
    /** Every public field as JSON: two objects that give the same text hold the same values. */
    public static final ObjectMapper FIELDS = new ObjectMapper()
            .setVisibility(PropertyAccessor.ALL, Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, Visibility.PUBLIC_ONLY);

    private int counter;

    /** An instance with every public field set; {@code someNull}: every other object (and boxed number) null. */
    public <T> T fill(Class<T> type, boolean someNull) throws Exception {
        T object = type.getDeclaredConstructor().newInstance();
        for (Field field : type.getFields()) {
            if (Modifier.isStatic(field.getModifiers())) continue;
            field.set(object, value(field.getType(), someNull));
        }
        return object;
    }

    private Object value(Class<?> type, boolean someNull) throws Exception {
        int n = ++counter;
        if (type == boolean.class) return true;
        if (type == int.class || type == Integer.class) return n;
        if (type == long.class || type == Long.class) return (type == Long.class && someNull && n % 2 == 0) ? null
                : 1_000_000_000_000L + n;
        if (type == double.class || type == Double.class) return (type == Double.class && someNull && n % 2 == 0)
                ? null : n + 0.25;
        if (type == String.class) return someNull && n % 2 == 0 ? null : (n % 3 == 0 ? "ü-" + n : "text-" + n);
        if (type.isEnum()) return type.getEnumConstants()[n % type.getEnumConstants().length];
        if (type == long[].class) return new long[] {n, n + 1L};
        if (type == byte[].class) return someNull && n % 2 == 0 ? null : new byte[] {(byte) n, 0, -1};
        if (type.isArray()) {
            Object array = Array.newInstance(type.getComponentType(), 2);
            Class<?> component = type.getComponentType();
            for (int i = 0; i < 2; i++) { // elements are never null in a state
                Array.set(array, i, component == String.class ? "id-" + n + i : fill(component, someNull));
            }
            return array;
        }
        if (someNull && n % 2 == 0) return null;
        return fill(type, someNull);
    }
}
