package dev.retort.jpa.hibernate;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;
import org.hibernate.tool.schema.spi.SchemaManagementToolCoordinator;

/**
 * Hibernate's own schema tooling, the judge of what Retort does: {@code create} has Hibernate
 * create the schema for the entities in a database as an application's start-up does (a session
 * factory with {@code hibernate.hbm2ddl.auto=create}, so that its integrators, Bean Validation's
 * among them, change the metamodel first); {@code validate} runs its SchemaValidator against one
 * ({@code SchemaManagementToolCoordinator}); {@code persist} stores a new instance of the class
 * named {@code entity} and returns its generated id. Defined inside the schema class loader like
 * the adapter, so it runs the Hibernate under test; it speaks JDK types only across the loader
 * boundary.
 */
public final class HibernateOracle implements Function<Map<String, Object>, String> {

  /**
   * Runs {@code action} ({@code create}, {@code validate} or {@code persist}) with {@code classes},
   * {@code settings} and a {@code connection} supplier; returns "", or for a failed validation
   * Hibernate's message, or the id {@code persist} got.
   */
  @Override
  @SuppressWarnings("unchecked")
  public String apply(Map<String, Object> request) {
    String action = (String) request.get("action");
    Supplier<Connection> connection = (Supplier<Connection>) request.get("connection");
    Map<String, Object> settings = new HashMap<>((Map<String, String>) request.get("settings"));
    String schemaAction = action.equals("persist") ? "none" : action;
    settings.put("hibernate.connection.provider_class", new Provider(connection));
    settings.put("jakarta.persistence.schema-generation.database.action", schemaAction);
    settings.put("hibernate.hbm2ddl.auto", schemaAction);
    // A session factory that itself creates the schema first sorts each table's columns (and a
    // composite primary key's) by Hibernate's standard column ordering; one that updates or
    // validates does not, nor does Hibernate's schema tooling on its own, and Retort reads the
    // order of the mapping. Legacy ordering is that order here.
    settings.putIfAbsent("hibernate.column_ordering_strategy", "legacy");
    // the helper tables of multi-table mutations (HT_, HTE_ on SQLite) are the session factory's
    // own, made at its start, not the entities' schema
    settings.put("hibernate.query.mutation_strategy.persistent.create_tables", "false");
    settings.put("hibernate.query.mutation_strategy.global_temporary.create_tables", "false");
    StandardServiceRegistry registry =
        new StandardServiceRegistryBuilder(
                new BootstrapServiceRegistryBuilder()
                    .applyClassLoader(getClass().getClassLoader())
                    .build())
            .applySettings(settings)
            .build();
    try {
      MetadataSources sources = new MetadataSources(registry);
      for (String name : (List<String>) request.get("classes")) {
        sources.addAnnotatedClass(Class.forName(name, false, getClass().getClassLoader()));
      }
      Metadata metadata = sources.getMetadataBuilder().build();
      if (action.equals("validate")) {
        SchemaManagementToolCoordinator.process(metadata, registry, settings, drop -> {});
        return "";
      }
      try (SessionFactory factory = metadata.buildSessionFactory()) {
        return action.equals("persist") ? persist(factory, (String) request.get("entity")) : "";
      }
    } catch (RuntimeException e) {
      if (action.equals("validate")) {
        return String.valueOf(e.getMessage());
      }
      throw e;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    } finally {
      StandardServiceRegistryBuilder.destroy(registry);
    }
  }

  private String persist(SessionFactory factory, String entity)
      throws ReflectiveOperationException {
    Object instance =
        Class.forName(entity, true, getClass().getClassLoader())
            .getDeclaredConstructor()
            .newInstance();
    try (Session session = factory.openSession()) {
      Transaction tx = session.beginTransaction();
      session.persist(instance);
      tx.commit();
      return String.valueOf(session.getIdentifier(instance));
    }
  }

  /** Connections from the test, through Hibernate's SPI. */
  private static final class Provider implements ConnectionProvider {
    private static final long serialVersionUID = 1L;
    private final transient Supplier<Connection> connection;

    Provider(Supplier<Connection> connection) {
      this.connection = connection;
    }

    @Override
    public Connection getConnection() {
      return connection.get();
    }

    @Override
    public void closeConnection(Connection c) throws SQLException {
      c.close();
    }

    @Override
    public boolean supportsAggressiveRelease() {
      return false;
    }

    @Override
    public boolean isUnwrappableAs(Class<?> type) {
      return false;
    }

    @Override
    public <T> T unwrap(Class<T> type) {
      throw new UnsupportedOperationException();
    }
  }
}
