package dev.retort.jpa.hibernate;

import dev.retort.error.UsageException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.internal.ClassLoaderAccessImpl;
import org.hibernate.boot.model.relational.Namespace;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.classloading.spi.ClassLoaderService;
import org.hibernate.engine.config.spi.ConfigurationService;
import org.hibernate.mapping.CheckConstraint;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Table;

/**
 * Bean Validation's constraints in the DDL: when a Jakarta Validation provider is on the schema
 * class path, Hibernate's session factory applies {@code @NotNull}, {@code @Size}, {@code @Min},
 * {@code @Max}, {@code @Digits} and {@code @Length} to the boot metamodel before its schema
 * creation runs ({@code BeanValidationIntegrator}, then {@code TypeSafeActivator}). Retort builds
 * no session factory, so it decides as the integrator does and then calls the same public static
 * {@code TypeSafeActivator.applyRelationalConstraints} of the application's Hibernate (its
 * signature is the same in 6.6 and 7.x), which changes the columns in place before they are read.
 *
 * <p>Everything of Jakarta Validation is reached by reflection: the API may be missing from the
 * schema class path, and then this class must still load.
 */
final class BeanValidation {
  private static final String MODE = "jakarta.persistence.validation.mode";
  private static final String JAVAX_MODE = "javax.persistence.validation.mode";
  private static final String APPLY_TO_DDL = "hibernate.validator.apply_to_ddl";
  private static final String ACTIVATOR = "org.hibernate.boot.beanvalidation.TypeSafeActivator";

  private BeanValidation() {}

  /**
   * Applies the constraints to {@code metadata} where Hibernate's start-up would. Returns the
   * checks it added whose order on their column is not fixed: where the provider keeps constraints
   * in sets of no order (Hibernate Validator 9 copies them with {@code Set.copyOf}, whose order
   * changes from one JVM to the next), Hibernate's own DDL joins two checks of one column
   * ({@code @Min} and {@code @Max}, {@code @Range}) in either order, and Retort, to stay the same
   * from one run to the next, writes them in one (see {@link #ORDER}); otherwise empty.
   */
  static Set<CheckConstraint> apply(
      Metadata metadata, StandardServiceRegistry registry, ClassLoader loader) {
    Map<String, Object> settings =
        registry.requireService(ConfigurationService.class).getSettings();
    Object setting = settings.get(MODE);
    Set<String> modes = modes(setting != null ? setting : settings.get(JAVAX_MODE));
    if (!modes.contains("ddl") && !modes.contains("auto")) {
      return Set.of(); // none, or callback only: Hibernate leaves the DDL alone
    }
    boolean required = modes.contains("ddl");
    Class<?> validation = load("jakarta.validation.Validation", loader);
    if (validation == null) {
      if (required) {
        throw new UsageException(
            "schema=jpa: "
                + MODE
                + " is ddl but Jakarta Validation (jakarta.validation-api and a provider such as "
                + "org.hibernate.validator:hibernate-validator) is not on the schema class path; "
                + "Hibernate would not start this way");
      }
      return Set.of();
    }
    Object apply = settings.get(APPLY_TO_DDL);
    if (apply != null && !Boolean.parseBoolean(apply.toString().strip())) {
      return Set.of();
    }
    Object factory = factory(validation, required);
    if (factory == null) {
      return Set.of();
    }
    try {
      Set<CheckConstraint> before = checks(metadata);
      activator(loader)
          .invoke(
              null,
              factory,
              metadata.getEntityBindings(),
              settings,
              metadata.getDatabase().getDialect(),
              new ClassLoaderAccessImpl(registry.requireService(ClassLoaderService.class)));
      if (!unordered(factory, metadata.getEntityBindings(), loader)) {
        return Set.of();
      }
      Set<CheckConstraint> added = checks(metadata);
      added.removeAll(before);
      return added;
    } catch (InvocationTargetException e) {
      throw new UsageException(
          "schema=jpa: Hibernate cannot apply the Bean Validation constraints: "
              + Reasons.of(e.getCause()),
          e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot call " + ACTIVATOR + ": " + e, e);
    } finally {
      close(factory);
    }
  }

  /**
   * The order Retort writes checks in whose order Hibernate leaves open: minimum before maximum (as
   * {@code @Range} declares them, and as Hibernate Validator 8 gives them), then by text.
   */
  static final Comparator<String> ORDER =
      Comparator.<String>comparingInt(c -> c.contains(">=") ? 0 : 1)
          .thenComparing(Comparator.naturalOrder());

  /** Every check on a column of {@code metadata}, by identity. */
  private static Set<CheckConstraint> checks(Metadata metadata) {
    Set<CheckConstraint> out = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Namespace ns : metadata.getDatabase().getNamespaces()) {
      for (Table t : ns.getTables()) {
        for (Column c : t.getColumns()) {
          out.addAll(c.getCheckConstraints());
        }
      }
    }
    return out;
  }

  /**
   * Whether the provider hands out any two constraints of one property of the entities (or two
   * constraints a constraint is composed of) in a set of no fixed order.
   */
  private static boolean unordered(
      Object factory, Collection<PersistentClass> entities, ClassLoader loader)
      throws ReflectiveOperationException {
    Method validator =
        type("jakarta.validation.ValidatorFactory", loader).getMethod("getValidator");
    Method bean =
        type("jakarta.validation.Validator", loader)
            .getMethod("getConstraintsForClass", Class.class);
    Method properties =
        type("jakarta.validation.metadata.BeanDescriptor", loader)
            .getMethod("getConstrainedProperties");
    Method constraints =
        type("jakarta.validation.metadata.ElementDescriptor", loader)
            .getMethod("getConstraintDescriptors");
    Method composing =
        type("jakarta.validation.metadata.ConstraintDescriptor", loader)
            .getMethod("getComposingConstraints");
    Object v = validator.invoke(factory);
    for (PersistentClass entity : entities) {
      if (entity.getMappedClass() == null) {
        continue;
      }
      for (Object property : (Set<?>) properties.invoke(bean.invoke(v, entity.getMappedClass()))) {
        Deque<Set<?>> sets = new ArrayDeque<>();
        sets.push((Set<?>) constraints.invoke(property));
        while (!sets.isEmpty()) {
          Set<?> set = sets.pop();
          if (set.size() > 1
              && set.getClass().getName().startsWith("java.util.ImmutableCollections")) {
            return true;
          }
          for (Object constraint : set) {
            sets.push((Set<?>) composing.invoke(constraint));
          }
        }
      }
    }
    return false;
  }

  private static Class<?> type(String name, ClassLoader loader) throws ClassNotFoundException {
    return Class.forName(name, false, loader);
  }

  /**
   * The modes a {@code validation.mode} setting names ({@code auto} when unset), lower case;
   * Hibernate's own checks on the value.
   */
  static Set<String> modes(Object setting) {
    Set<String> out = new LinkedHashSet<>();
    if (setting == null) {
      out.add("auto");
      return out;
    }
    for (String part : setting.toString().split(",", -1)) {
      String mode = part.strip().toLowerCase(Locale.ROOT);
      mode = mode.isEmpty() ? "auto" : mode;
      if (!Set.of("auto", "callback", "ddl", "none").contains(mode)) {
        throw new UsageException(
            "schema=jpa: "
                + MODE
                + " is '"
                + setting
                + "': Hibernate knows auto, callback, ddl and "
                + "none");
      }
      out.add(mode);
    }
    if (out.size() > 1 && (out.contains("auto") || out.contains("none"))) {
      throw new UsageException(
          "schema=jpa: "
              + MODE
              + " is '"
              + setting
              + "': Hibernate refuses auto or none mixed "
              + "with another mode");
    }
    return out;
  }

  /**
   * The default validator factory, as Hibernate builds it when the application gives none; null
   * where Hibernate applies no constraints: no provider in {@code auto} mode, or, on 6.6, any
   * failure in {@code auto} mode.
   */
  private static Object factory(Class<?> validation, boolean required) {
    try {
      return validation.getMethod("buildDefaultValidatorFactory").invoke(null);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      boolean noProvider =
          cause.getClass().getName().equals("jakarta.validation.NoProviderFoundException");
      if (!required && (noProvider || org.hibernate.Version.getVersionString().startsWith("6."))) {
        return null;
      }
      throw new UsageException(
          "schema=jpa: Hibernate would not start: Jakarta Validation is on the schema class path "
              + "but its validator factory cannot be built: "
              + Reasons.of(cause)
              + (noProvider
                  ? " (add a provider such as org.hibernate.validator:hibernate-validator)"
                  : ""),
          cause);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot build a Jakarta Validation factory: " + e, e);
    }
  }

  private static Method activator(ClassLoader loader) {
    Class<?> type = load(ACTIVATOR, loader);
    if (type != null) {
      for (Method m : type.getMethods()) {
        if (m.getName().equals("applyRelationalConstraints")
            && m.getParameterCount() == 5
            && m.getParameterTypes()[1] == Collection.class) {
          m.setAccessible(true); // the class is package-private; the method is public
          return m;
        }
      }
    }
    throw new UsageException(
        "schema=jpa: this Hibernate has no "
            + ACTIVATOR
            + ".applyRelationalConstraints(ValidatorFactory, Collection, Map, Dialect, "
            + "ClassLoaderAccess), which Retort calls to apply Bean Validation constraints; "
            + "Retort supports Hibernate 6.6 and 7.x");
  }

  private static Class<?> load(String name, ClassLoader loader) {
    try {
      return Class.forName(name, true, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      return null;
    }
  }

  private static void close(Object factory) {
    if (factory instanceof AutoCloseable c) {
      try {
        c.close();
      } catch (Exception e) {
        // the factory held nothing Retort needs; closing is tidiness only
      }
    }
  }
}
