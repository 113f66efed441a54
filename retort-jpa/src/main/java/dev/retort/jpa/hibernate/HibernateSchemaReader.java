package dev.retort.jpa.hibernate;

import dev.retort.diff.DiffOptions;
import dev.retort.error.UsageException;
import dev.retort.jpa.BootRequest;
import dev.retort.jpa.SchemaReader;
import dev.retort.schema.Schema;
import dev.retort.schema.Sequence;
import dev.retort.source.DesiredSchema;
import dev.retort.source.EntityModel;
import dev.retort.source.InitialRows;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.model.relational.Namespace;
import org.hibernate.boot.registry.BootstrapServiceRegistry;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.mapping.Table;

/**
 * Builds Hibernate's boot metamodel from the entity classes, with JDBC metadata access off and the
 * database named by product and version, and reads it into Retort's model. Defined inside the
 * schema class loader (see {@code SchemaClassLoader}), so every Hibernate type here is the
 * application's. It keeps to the API that Hibernate 6.6 and 7.x share.
 */
public final class HibernateSchemaReader implements SchemaReader {

  public HibernateSchemaReader() {}

  @Override
  public DesiredSchema.Desired read(BootRequest request) {
    ClassLoader loader = HibernateSchemaReader.class.getClassLoader();
    BootstrapServiceRegistry bootstrap =
        new BootstrapServiceRegistryBuilder().applyClassLoader(loader).build();
    StandardServiceRegistry registry;
    try {
      registry =
          new StandardServiceRegistryBuilder(bootstrap).applySettings(settings(request)).build();
    } catch (RuntimeException e) {
      throw new UsageException(
          "schema=jpa: Hibernate cannot start with these settings: " + Reasons.of(e), e);
    }
    try {
      Metadata metadata = metadata(request, registry, loader);
      // what the session factory does to the metamodel before Hibernate's schema creation
      Set<org.hibernate.mapping.CheckConstraint> unordered =
          BeanValidation.apply(metadata, registry, loader);
      return new ModelWalk(metadata, request.model(), unordered).desired();
    } finally {
      StandardServiceRegistryBuilder.destroy(registry);
    }
  }

  private static Map<String, Object> settings(BootRequest request) {
    EntityModel m = request.model();
    Map<String, Object> s = new HashMap<>();
    // no connection: types and names come from the dialect for this product and version
    s.put("hibernate.boot.allow_jdbc_metadata_access", "false");
    s.put("hibernate.temp.use_jdbc_metadata_defaults", "false");
    s.put("jakarta.persistence.database-product-name", m.product());
    s.put("jakarta.persistence.database-major-version", String.valueOf(m.majorVersion()));
    s.put("jakarta.persistence.database-minor-version", String.valueOf(m.minorVersion()));
    s.putAll(request.settings());
    return s;
  }

  private static Metadata metadata(
      BootRequest request, StandardServiceRegistry registry, ClassLoader loader) {
    MetadataSources sources = new MetadataSources(registry);
    for (String name : request.classes()) {
      sources.addAnnotatedClass(load(name, loader));
    }
    for (String pkg : request.packages()) {
      sources.addPackage(pkg);
    }
    try {
      return sources.getMetadataBuilder().build();
    } catch (LinkageError e) {
      throw new UsageException(
          "schema=jpa: reading the entities needs "
              + Reasons.missing(e)
              + ", which is not on the schema class path: "
              + e,
          e);
    } catch (RuntimeException e) {
      throw new UsageException("schema=jpa: Hibernate rejects the mapping: " + Reasons.of(e), e);
    }
  }

  private static Class<?> load(String name, ClassLoader loader) {
    try {
      return Class.forName(name, false, loader);
    } catch (ClassNotFoundException e) {
      throw new UsageException("schema=jpa: class " + name + " is not on the schema class path", e);
    } catch (LinkageError e) {
      throw new UsageException(
          "schema=jpa: class "
              + name
              + " cannot be loaded: it needs "
              + Reasons.missing(e)
              + ", which is not on the schema class path ("
              + e
              + ")",
          e);
    }
  }

  /** The walk over {@code Database -> Namespace -> Table / Sequence}. */
  private static final class ModelWalk {
    private final Metadata metadata;
    private final EntityModel model;
    private final Set<org.hibernate.mapping.CheckConstraint> unordered;

    ModelWalk(
        Metadata metadata,
        EntityModel model,
        Set<org.hibernate.mapping.CheckConstraint> unordered) {
      this.metadata = metadata;
      this.model = model;
      this.unordered = unordered;
    }

    DesiredSchema.Desired desired() {
      TableReader tables = new TableReader(metadata, model.dialect(), unordered);
      List<dev.retort.schema.Table> out = new ArrayList<>();
      List<Sequence> sequences = new ArrayList<>();
      List<String> notes = new ArrayList<>();
      List<InitialRows> rows = new ArrayList<>();
      for (Namespace ns : metadata.getDatabase().getNamespaces()) {
        for (Table t : ns.getTables()) {
          if (t.isPhysicalTable() && !t.isView()) {
            out.add(tables.table(t));
            tables.initialRows(t).ifPresent(rows::add);
          }
        }
        for (org.hibernate.boot.model.relational.Sequence s : ns.getSequences()) {
          sequences.add(sequence(s));
        }
      }
      if (!metadata.getDatabase().getAuxiliaryDatabaseObjects().isEmpty()) {
        metadata
            .getDatabase()
            .getAuxiliaryDatabaseObjects()
            .forEach(a -> notes.add("auxiliary database object " + a.getExportIdentifier()));
      }
      return new DesiredSchema.Desired(
          new Schema(out, List.of(), List.of(), sequences, List.of(), notes),
          DiffOptions.defaults(),
          List.of(),
          rows);
    }

    private Sequence sequence(org.hibernate.boot.model.relational.Sequence s) {
      var name = s.getName();
      Optional<String> schema =
          model.dialect().equals("postgresql") && name.getSchemaName() != null
              ? Optional.of(name.getSchemaName().getText())
              : Optional.empty();
      var own = name.getSequenceName();
      String text =
          own.isQuoted() || !model.dialect().equals("postgresql")
              ? own.getText()
              : own.getText().toLowerCase(java.util.Locale.ROOT);
      return new Sequence(
          new dev.retort.schema.QualifiedName(schema, text),
          Optional.of((long) s.getInitialValue()),
          s.getIncrementSize(),
          Optional.empty(),
          Optional.empty(),
          1,
          false,
          Optional.empty());
    }
  }
}
