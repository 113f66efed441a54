package dev.retort.jpa.hibernate;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;
import org.hibernate.tool.schema.spi.SchemaManagementToolCoordinator;

/**
 * Hibernate's own schema tooling, the judge of what Retort does: {@code create} has Hibernate
 * create the schema for the entities in a database, {@code validate} runs its SchemaValidator
 * against one ({@code SchemaManagementToolCoordinator}, as an application's start-up would).
 * Defined inside the schema class loader like the adapter, so it runs the Hibernate under test; it
 * speaks JDK types only across the loader boundary.
 */
public final class HibernateOracle implements Function<Map<String, Object>, String> {

  /**
   * Runs {@code action} ({@code create} or {@code validate}) with {@code classes}, {@code settings}
   * and a {@code connection} supplier; returns "" or, for a failed validation, Hibernate's message.
   */
  @Override
  @SuppressWarnings("unchecked")
  public String apply(Map<String, Object> request) {
    String action = (String) request.get("action");
    Supplier<Connection> connection = (Supplier<Connection>) request.get("connection");
    Map<String, Object> settings = new HashMap<>((Map<String, String>) request.get("settings"));
    settings.put("hibernate.connection.provider_class", new Provider(connection));
    settings.put("jakarta.persistence.schema-generation.database.action", action);
    settings.put("hibernate.hbm2ddl.auto", action);
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
      SchemaManagementToolCoordinator.process(metadata, registry, settings, drop -> {});
      return "";
    } catch (RuntimeException e) {
      if (action.equals("validate")) {
        return String.valueOf(e.getMessage());
      }
      throw e;
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    } finally {
      StandardServiceRegistryBuilder.destroy(registry);
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
