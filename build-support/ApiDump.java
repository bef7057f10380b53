// The public API of one module, as sorted text, checked against the module's committed API file.
//
// Run by exec-maven-plugin in the verify phase of every published module (root pom, `api.check.skip`):
//
//   java -cp <compile class path, target/classes first> build-support/ApiDump.java <classes dir> <api file>
//        [--update=true|false] [--strict=true|false] [--max-constructor-params=N] [--root=<dir>]
//        [--module=<artifactId>]
//
// A single source file, run by the JDK's source launcher (JDK 11+): nothing to build or install first.
// Classes are loaded without initialising them; their public and protected types, supertypes,
// constructors, methods and fields in packages outside `*.internal*` are written one per line, types
// sorted by name and members sorted within each type. Without --update a difference from the file
// fails with a short diff; with --update the file is rewritten. --strict fails on the issue's two
// forbidden things: a `com.fasterxml` type in a signature, and a public constructor with more than
// --max-constructor-params parameters (negative: no limit).
import java.io.IOException;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

public final class ApiDump {

    private static final int DIFF_LINES = 40;
    static final String UPDATE_COMMAND = "./mvnw -B -DskipTests verify -Dapi.update";

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        List<String> positional = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--")) {
                int eq = arg.indexOf('=');
                options.put(eq < 0 ? arg.substring(2) : arg.substring(2, eq), eq < 0 ? "true" : arg.substring(eq + 1));
            } else {
                positional.add(arg);
            }
        }
        if (positional.size() != 2) {
            System.err.println("usage: ApiDump <classes dir> <api file> [--update] [--strict] "
                    + "[--max-constructor-params=N] [--root=<dir>] [--module=<name>]");
            System.exit(2);
        }
        Path classes = Path.of(positional.get(0)).toAbsolutePath();
        Path apiFile = Path.of(positional.get(1)).toAbsolutePath();
        boolean update = flag(options.get("update"));
        boolean strict = flag(options.get("strict"));
        int maxParams = Integer.parseInt(options.getOrDefault("max-constructor-params", "-1"));
        Path root = Path.of(options.getOrDefault("root", ".")).toAbsolutePath().normalize();
        String module = options.getOrDefault("module", apiFile.getFileName().toString().replaceFirst("\\.api$", ""));
        String shownFile = display(root, apiFile);

        Map<String, TypeApi> api = dump(classes);
        String text = render(module, api);

        boolean failed = false;
        String committed = Files.exists(apiFile)
                ? Files.readString(apiFile, StandardCharsets.UTF_8).replace("\r\n", "\n")
                : null;
        if (text.equals(committed)) {
            System.out.println("[INFO] API of " + module + " matches " + shownFile + " (" + api.size() + " types)");
        } else if (update) {
            Files.createDirectories(apiFile.getParent());
            Files.writeString(apiFile, text, StandardCharsets.UTF_8);
            System.out.println("[INFO] API of " + module + " written to " + shownFile + " (" + api.size() + " types)");
        } else {
            failed = true;
            List<String> out = new ArrayList<>();
            if (committed == null) {
                out.add("The API file " + shownFile + " of " + module + " does not exist.");
            } else {
                out.add("The public API of " + module + " differs from " + shownFile + ":");
                out.addAll(diff(parse(committed), api));
            }
            out.add((committed == null ? "Write " : "If the change is intended, rewrite ") + shownFile
                    + " and commit it with the change:");
            out.add("    " + UPDATE_COMMAND + " -pl " + module + " -am");
            out.add("(without -pl: every published module's API file)");
            out.forEach(line -> System.out.println("[ERROR] " + line));
        }

        List<String> violations = violations(api, maxParams);
        if (!violations.isEmpty()) {
            long jackson =
                    violations.stream().filter(v -> v.startsWith("com.fasterxml")).count();
            String summary = "API scan of " + module + ": " + jackson + " signature line(s) mention com.fasterxml"
                    + (maxParams < 0
                            ? ""
                            : ", " + (violations.size() - jackson) + " public constructor(s) take more than "
                                    + maxParams + " parameters");
            if (strict) {
                failed = true;
                System.out.println("[ERROR] " + summary + ":");
                violations.forEach(v -> System.out.println("[ERROR]   " + v));
            } else {
                System.out.println("[INFO] " + summary + " (-Dapi.strict lists them and fails)");
            }
        }
        if (failed) {
            System.exit(1);
        }
    }

    private static boolean flag(String value) {
        return value != null && (value.isEmpty() || Boolean.parseBoolean(value));
    }

    private static String display(Path root, Path file) {
        return file.startsWith(root) ? root.relativize(file).toString().replace('\\', '/') : file.toString();
    }

    /** One public type: its header line and its member lines, sorted. */
    record TypeApi(String name, String header, TreeSet<String> members, List<Ctor> publicConstructors) {}

    record Ctor(int parameters, String line) {}

    /** Members read by kind, then name: fields, constructors (`<init>`), methods. */
    static final Comparator<String> MEMBER_ORDER = Comparator.comparing(ApiDump::memberKey);

    private static String memberKey(String line) {
        int paren = line.indexOf('(');
        if (paren < 0) {
            return "0 " + line.substring(line.lastIndexOf(' ') + 1) + " " + line;
        }
        String before = line.substring(0, paren);
        return "1 " + before.substring(before.lastIndexOf(' ') + 1) + " " + line;
    }

    static Map<String, TypeApi> dump(Path classes) throws IOException, ClassNotFoundException {
        List<String> names;
        try (Stream<Path> files = Files.walk(classes)) {
            names = files.filter(p -> p.toString().endsWith(".class"))
                    .map(p -> classes.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.startsWith("META-INF/"))
                    .map(p -> p.substring(0, p.length() - ".class".length()).replace('/', '.'))
                    .filter(n -> !n.endsWith("module-info") && !n.endsWith("package-info"))
                    .sorted()
                    .collect(Collectors.toList());
        }
        ClassLoader parent = ApiDump.class.getClassLoader();
        Map<String, TypeApi> api = new TreeMap<>();
        try (URLClassLoader loader = new URLClassLoader(
                new java.net.URL[] {classes.toUri().toURL()}, parent)) {
            for (String name : names) {
                if (isInternal(name) || isGenerated(name)) {
                    continue;
                }
                Class<?> type = Class.forName(name, false, loader);
                if (!isExported(type)) {
                    continue;
                }
                api.put(type.getName(), describe(type));
            }
        }
        return api;
    }

    private static boolean isInternal(String className) {
        int dot = className.lastIndexOf('.');
        String pkg = dot < 0 ? "" : className.substring(0, dot);
        return Arrays.asList(pkg.split("\\.")).contains("internal");
    }

    /** Framework-generated classes (Micronaut's `$Foo$Definition` and the like) are not ours to freeze. */
    private static boolean isGenerated(String className) {
        String simple = className.substring(className.lastIndexOf('.') + 1);
        return simple.startsWith("$") || simple.contains("$$");
    }

    private static boolean isExported(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getDeclaringClass()) {
            if (c.isAnonymousClass() || c.isLocalClass() || c.isSynthetic()) {
                return false;
            }
            int m = c.getModifiers();
            if (!Modifier.isPublic(m) && !Modifier.isProtected(m)) {
                return false;
            }
        }
        return true;
    }

    static TypeApi describe(Class<?> type) {
        boolean finalType = Modifier.isFinal(type.getModifiers());
        TreeSet<String> members = new TreeSet<>(MEMBER_ORDER);
        List<Ctor> publicConstructors = new ArrayList<>();
        Set<String> seen = new TreeSet<>();

        for (Constructor<?> c : type.getDeclaredConstructors()) {
            if (visible(c, finalType)) {
                String line = constructor(type, c);
                members.add(line);
                if (Modifier.isPublic(c.getModifiers())) {
                    publicConstructors.add(new Ctor(c.getGenericParameterTypes().length, line.trim()));
                }
            }
        }
        // Public members of a non-public superclass are reachable through this type (javac adds
        // synthetic bridges for them, which are skipped below), so they are part of its API.
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c != type && isExported(c)) {
                break;
            }
            boolean declaringFinal = c == type ? finalType : finalType || Modifier.isFinal(c.getModifiers());
            for (Method m : c.getDeclaredMethods()) {
                if (visible(m, declaringFinal) && !m.isBridge()) {
                    String key = m.getName() + Arrays.toString(m.getParameterTypes());
                    if (seen.add(key)) {
                        members.add(method(type, m));
                    }
                }
            }
            for (Field f : c.getDeclaredFields()) {
                if (visible(f, declaringFinal) && seen.add(f.getName())) {
                    members.add(field(type, f));
                }
            }
        }
        return new TypeApi(type.getName(), header(type), members, publicConstructors);
    }

    private static boolean visible(Member member, boolean finalType) {
        int m = member.getModifiers();
        if (member.isSynthetic()) {
            return false;
        }
        return Modifier.isPublic(m) || (Modifier.isProtected(m) && !finalType);
    }

    static String header(Class<?> type) {
        int m = type.getModifiers();
        StringBuilder b = new StringBuilder(visibility(m));
        String kind;
        if (type.isAnnotation()) {
            kind = "@interface";
        } else if (type.isInterface()) {
            kind = "interface";
        } else if (type.isEnum()) {
            kind = "enum";
        } else if (type.isRecord()) {
            kind = "record";
        } else {
            kind = "class";
            if (type.getDeclaringClass() != null && Modifier.isStatic(m)) {
                b.append(" static");
            }
            if (Modifier.isAbstract(m)) {
                b.append(" abstract");
            }
            if (Modifier.isFinal(m)) {
                b.append(" final");
            }
        }
        if (type.isSealed()) {
            b.append(" sealed");
        }
        b.append(' ').append(kind).append(' ').append(type.getName()).append(typeParameters(type.getTypeParameters()));
        Type superclass = type.getGenericSuperclass();
        if (superclass != null
                && superclass != Object.class
                && !(type.isEnum() && type.getSuperclass() == Enum.class)
                && !(type.isRecord() && superclass == Record.class)) {
            b.append(" extends ").append(name(superclass));
        }
        List<String> interfaces = Arrays.stream(type.getGenericInterfaces())
                .map(ApiDump::name)
                .filter(n -> !(type.isAnnotation() && n.equals("java.lang.annotation.Annotation")))
                .collect(Collectors.toList());
        if (!interfaces.isEmpty()) {
            b.append(type.isInterface() ? " extends " : " implements ").append(String.join(", ", interfaces));
        }
        if (type.isSealed()) {
            b.append(" permits ")
                    .append(Arrays.stream(type.getPermittedSubclasses())
                            .map(Class::getName)
                            .sorted()
                            .collect(Collectors.joining(", ")));
        }
        return b.toString();
    }

    private static String constructor(Class<?> type, Constructor<?> c) {
        return "  " + visibility(c.getModifiers()) + typeParameters(c.getTypeParameters()) + " <init>"
                + parameters(c) + exceptions(c);
    }

    private static String method(Class<?> type, Method m) {
        int mod = m.getModifiers();
        StringBuilder b = new StringBuilder("  ").append(visibility(mod));
        if (Modifier.isStatic(mod)) {
            b.append(" static");
        }
        if (m.isDefault()) {
            b.append(" default");
        } else if (Modifier.isAbstract(mod) && !type.isInterface()) {
            b.append(" abstract");
        }
        if (Modifier.isFinal(mod)) {
            b.append(" final");
        }
        b.append(typeParameters(m.getTypeParameters()));
        b.append(' ').append(name(m.getGenericReturnType())).append(' ').append(m.getName());
        b.append(parameters(m)).append(exceptions(m));
        Object defaultValue = m.getDefaultValue();
        if (defaultValue != null) {
            b.append(" default ").append(value(defaultValue));
        }
        return b.toString();
    }

    private static String field(Class<?> type, Field f) {
        int mod = f.getModifiers();
        StringBuilder b = new StringBuilder("  ").append(visibility(mod));
        if (Modifier.isStatic(mod)) {
            b.append(" static");
        }
        if (Modifier.isFinal(mod)) {
            b.append(" final");
        }
        return b.append(' ').append(name(f.getGenericType())).append(' ').append(f.getName()).toString();
    }

    private static String visibility(int modifiers) {
        return Modifier.isPublic(modifiers) ? "public" : "protected";
    }

    private static String typeParameters(TypeVariable<?>[] variables) {
        if (variables.length == 0) {
            return "";
        }
        return Arrays.stream(variables)
                .map(v -> {
                    List<String> bounds = Arrays.stream(v.getBounds())
                            .filter(t -> t != Object.class)
                            .map(ApiDump::name)
                            .collect(Collectors.toList());
                    return bounds.isEmpty() ? v.getName() : v.getName() + " extends " + String.join(" & ", bounds);
                })
                .collect(Collectors.joining(", ", " <", ">"));
    }

    private static String parameters(Executable e) {
        Type[] types = e.getGenericParameterTypes();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < types.length; i++) {
            String n = name(types[i]);
            if (e.isVarArgs() && i == types.length - 1 && n.endsWith("[]")) {
                n = n.substring(0, n.length() - 2) + "...";
            }
            names.add(n);
        }
        return "(" + String.join(", ", names) + ")";
    }

    private static String exceptions(Executable e) {
        Type[] thrown = e.getGenericExceptionTypes();
        if (thrown.length == 0) {
            return "";
        }
        return Arrays.stream(thrown).map(ApiDump::name).sorted().collect(Collectors.joining(", ", " throws ", ""));
    }

    static String name(Type type) {
        if (type instanceof Class<?> c) {
            return c.isArray() ? name(c.getComponentType()) + "[]" : c.getName();
        }
        if (type instanceof ParameterizedType p) {
            String raw = p.getOwnerType() instanceof ParameterizedType owner
                    ? name(owner) + "$" + ((Class<?>) p.getRawType()).getSimpleName()
                    : name(p.getRawType());
            return raw
                    + Arrays.stream(p.getActualTypeArguments())
                            .map(ApiDump::name)
                            .collect(Collectors.joining(", ", "<", ">"));
        }
        if (type instanceof GenericArrayType a) {
            return name(a.getGenericComponentType()) + "[]";
        }
        if (type instanceof WildcardType w) {
            if (w.getLowerBounds().length > 0) {
                return "? super " + name(w.getLowerBounds()[0]);
            }
            Type[] upper = w.getUpperBounds();
            return upper.length == 0 || upper[0] == Object.class ? "?" : "? extends " + name(upper[0]);
        }
        if (type instanceof TypeVariable<?> v) {
            return v.getName();
        }
        return type.getTypeName();
    }

    private static String value(Object v) {
        if (v.getClass().isArray()) {
            List<String> items = new ArrayList<>();
            for (int i = 0; i < Array.getLength(v); i++) {
                items.add(value(Array.get(v, i)));
            }
            return "{" + String.join(", ", items) + "}";
        }
        if (v instanceof String s) {
            return '"' + s + '"';
        }
        if (v instanceof Class<?> c) {
            return name(c) + ".class";
        }
        if (v instanceof Enum<?> e) {
            return e.getDeclaringClass().getName() + "." + e.name();
        }
        return String.valueOf(v);
    }

    static String render(String module, Map<String, TypeApi> api) {
        StringBuilder b = new StringBuilder();
        b.append("# Public API of ").append(module).append(": checked by `verify`, written by `")
                .append(UPDATE_COMMAND).append("`.\n");
        for (TypeApi t : api.values()) {
            b.append(t.header()).append('\n');
            t.members().forEach(m -> b.append(m).append('\n'));
            b.append('\n');
        }
        return b.toString();
    }

    /** The committed file, back into types: a header line starts a type, indented lines are its members. */
    static Map<String, TypeApi> parse(String text) {
        Map<String, TypeApi> types = new LinkedHashMap<>();
        TypeApi current = null;
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith(" ") && current != null) {
                current.members().add(line);
            } else {
                current = new TypeApi(typeName(line), line, new TreeSet<>(MEMBER_ORDER), List.of());
                types.put(current.name(), current);
            }
        }
        return types;
    }

    private static String typeName(String header) {
        List<String> words = Arrays.asList(header.split(" "));
        for (String kind : List.of("class", "interface", "enum", "record", "@interface")) {
            int i = words.indexOf(kind);
            if (i >= 0 && i + 1 < words.size()) {
                String n = words.get(i + 1);
                int lt = n.indexOf('<');
                return lt < 0 ? n : n.substring(0, lt);
            }
        }
        return header;
    }

    /** Added (+) and removed (-) lines, type by type, at most DIFF_LINES of them. */
    static List<String> diff(Map<String, TypeApi> before, Map<String, TypeApi> after) {
        List<String> lines = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        for (String name : names) {
            TypeApi old = before.get(name);
            TypeApi now = after.get(name);
            if (old == null) {
                lines.add("+ " + now.header());
                now.members().forEach(m -> lines.add("+ " + m));
            } else if (now == null) {
                lines.add("- " + old.header());
                old.members().forEach(m -> lines.add("- " + m));
            } else {
                List<String> changes = new ArrayList<>();
                if (!old.header().equals(now.header())) {
                    changes.add("- " + old.header());
                    changes.add("+ " + now.header());
                }
                old.members().stream().filter(m -> !now.members().contains(m)).forEach(m -> changes.add("- " + m));
                now.members().stream().filter(m -> !old.members().contains(m)).forEach(m -> changes.add("+ " + m));
                if (!changes.isEmpty()) {
                    if (old.header().equals(now.header())) {
                        lines.add("  " + now.header());
                    }
                    lines.addAll(changes);
                }
            }
        }
        if (lines.isEmpty()) {
            lines.add("  (same signatures; the file's layout or header differs)");
        }
        if (lines.size() > DIFF_LINES) {
            int more = lines.size() - DIFF_LINES;
            List<String> shortened = new ArrayList<>(lines.subList(0, DIFF_LINES));
            shortened.add("  ... and " + more + " more line(s)");
            return shortened;
        }
        return lines;
    }

    static List<String> violations(Map<String, TypeApi> api, int maxParams) {
        List<String> found = new ArrayList<>();
        for (TypeApi t : api.values()) {
            if (t.header().contains("com.fasterxml")) {
                found.add("com.fasterxml in " + t.header());
            }
            for (String m : t.members()) {
                if (m.contains("com.fasterxml")) {
                    found.add("com.fasterxml in " + t.name() + ": " + m.trim());
                }
            }
        }
        if (maxParams >= 0) {
            for (TypeApi t : api.values()) {
                for (Ctor c : t.publicConstructors()) {
                    if (c.parameters() > maxParams) {
                        found.add(c.parameters() + " parameters: " + t.name() + " " + c.line());
                    }
                }
            }
        }
        return found;
    }

    private ApiDump() {}
}
