package io.runflow.fuzz;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * Reads every part of a decoded value, as a caller might: each public no-argument method of the
 * SDK's records (so copies made on access are made), each element of a list, and {@code
 * toString()}. {@code toRun()} and {@code toBatch()} are left to the caller: each throws by design
 * for the other kind of callback. A value that throws when read
 * is as much a leak as a decoder that throws.
 */
public final class Values {

    // asList(), toJava(): JsonValue's plain-Java views, where JSON null is null by design; elements() and
    // members() are read instead.
    private static final Set<String> SKIPPED = Set.of("toRun", "toBatch", "hashCode", "asList", "toJava");

    private Values() {}

    /**
     * Reads the value through.
     *
     * @param value a record, a collection, or anything else
     * @throws RuntimeException whatever an accessor throws
     */
    public static void touch(Object value) {
        touch(value, 0);
    }

    private static void touch(Object value, int depth) {
        if (value == null || depth > 8) {
            return;
        }
        value.toString();
        if (value instanceof io.runflow.model.JsonValue json) {
            // JSON's own null may sit in the plain views (a list of nulls is JSON); read it all through.
            json.toJson();
            json.toJava();
            return;
        }
        if (value instanceof Collection) {
            for (Object element : (Collection<?>) value) {
                if (element == null) {
                    throw new IllegalStateException("a decoded collection holds null");
                }
                touch(element, depth + 1);
            }
        } else if (value instanceof Optional) {
            ((Optional<?>) value).ifPresent(v -> touch(v, depth + 1));
        } else if (value.getClass().getName().startsWith("io.runflow.")) {
            for (Method method : value.getClass().getDeclaredMethods()) {
                if (!Modifier.isPublic(method.getModifiers())
                        || Modifier.isStatic(method.getModifiers())
                        || method.getParameterCount() > 0
                        || method.getReturnType() == void.class
                        || SKIPPED.contains(method.getName())) {
                    continue;
                }
                try {
                    touch(method.invoke(value), depth + 1);
                } catch (InvocationTargetException e) {
                    throw e.getCause() instanceof RuntimeException
                            ? (RuntimeException) e.getCause()
                            : new IllegalStateException(e.getCause());
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }
}
