package dev.retort.junit;

import java.lang.reflect.Constructor;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContextException;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The extension behind {@link RetortTest}: makes the test class's database before its first test,
 * drops it after its last, and gives test methods a {@link RetortRunner} over it. Registered by
 * {@code @RetortTest}; nothing to register by hand.
 */
public final class RetortExtension
    implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(RetortExtension.class);
  private static final String DATABASE = "database";

  /** Created by JUnit. */
  public RetortExtension() {}

  @Override
  public void beforeAll(ExtensionContext context) {
    RetortTest settings = settings(context.getRequiredTestClass());
    TestDatabase db = provider(settings).open(context, settings);
    context.getStore(NAMESPACE).put(DATABASE, db);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    TestDatabase db = context.getStore(NAMESPACE).remove(DATABASE, TestDatabase.class);
    if (db != null) {
      db.close();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == RetortRunner.class || type == MigrationChecks.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    TestDatabase db = context.getStore(NAMESPACE).get(DATABASE, TestDatabase.class);
    if (db == null) {
      throw new ExtensionContextException(
          "no test database: a RetortRunner is given to the test"
              + " methods of a class annotated @RetortTest (constructors and @BeforeAll methods run"
              + " before the database is made)");
    }
    Class<?> testClass = context.getRequiredTestClass();
    RetortRunner runner =
        new RetortRunner(
            Settings.of(settings(testClass)),
            db,
            context.getTestInstance().orElse(null),
            testClass.getClassLoader());
    return parameter.getParameter().getType() == MigrationChecks.class ? runner.checks() : runner;
  }

  private static RetortTest settings(Class<?> testClass) {
    RetortTest settings = testClass.getAnnotation(RetortTest.class);
    if (settings == null) {
      throw new ExtensionContextException(
          testClass.getName()
              + " uses RetortExtension without "
              + "@RetortTest; annotate the class with @RetortTest instead");
    }
    return settings;
  }

  private static TestDatabaseProvider provider(RetortTest settings) {
    try {
      Constructor<? extends TestDatabaseProvider> ctor =
          settings.database().getDeclaredConstructor();
      ctor.setAccessible(true);
      return ctor.newInstance();
    } catch (ReflectiveOperationException e) {
      throw new ExtensionContextException(
          "cannot create the database provider " + settings.database().getName() + ": " + e, e);
    }
  }
}
