package dev.retort.codegen;

import static dev.retort.codegen.JavaValues.string;

import dev.retort.ops.AddEnumValue;
import dev.retort.ops.AlterSequence;
import dev.retort.ops.CreateDomain;
import dev.retort.ops.CreateEnum;
import dev.retort.ops.CreateExtension;
import dev.retort.ops.CreateSchema;
import dev.retort.ops.CreateSequence;
import dev.retort.ops.DomainBuilder;
import dev.retort.ops.DropDomain;
import dev.retort.ops.DropEnum;
import dev.retort.ops.DropExtension;
import dev.retort.ops.DropSchema;
import dev.retort.ops.DropSequence;
import dev.retort.ops.RenameEnumValue;
import dev.retort.ops.RenameType;
import dev.retort.ops.SequenceBuilder;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Domain;
import dev.retort.schema.Sequence;
import java.util.List;
import java.util.Optional;

/** Prints the ops on objects other than tables: enums, sequences, domains, schemas, extensions. */
final class SchemaObjectPrinter {
  private final JavaValues values;

  SchemaObjectPrinter(JavaValues values) {
    this.values = values;
  }

  // ---- enum types

  Optional<Call> createEnum(CreateEnum o) {
    return Call.of(
        "createEnum",
        o.name().toString(),
        o.values(),
        ops -> ops.createEnum(o.name().toString(), o.values().toArray(String[]::new)));
  }

  Optional<Call> dropEnum(DropEnum o) {
    List<String> vals = o.values().orElse(List.of());
    return Call.of(
        "dropEnum",
        o.name().toString(),
        vals,
        ops -> ops.dropEnum(o.name().toString(), vals.toArray(String[]::new)));
  }

  Optional<Call> addEnumValue(AddEnumValue o) {
    String name = o.name().toString();
    if (o.before().isPresent()) {
      return Call.of(
          "addEnumValueBefore",
          name,
          List.of(o.value(), o.before().get()),
          ops -> ops.addEnumValueBefore(name, o.value(), o.before().get()));
    }
    if (o.after().isPresent()) {
      return Call.of(
          "addEnumValueAfter",
          name,
          List.of(o.value(), o.after().get()),
          ops -> ops.addEnumValueAfter(name, o.value(), o.after().get()));
    }
    return Call.of("addEnumValue", name, o.value(), ops -> ops.addEnumValue(name, o.value()));
  }

  Optional<Call> renameEnumValue(RenameEnumValue o) {
    return Call.of(
        "renameEnumValue",
        o.name().toString(),
        List.of(o.from(), o.to()),
        ops -> ops.renameEnumValue(o.name().toString(), o.from(), o.to()));
  }

  Optional<Call> renameType(RenameType o) {
    return Call.of(
        "renameType",
        o.from().toString(),
        o.to(),
        ops -> ops.renameType(o.from().toString(), o.to()));
  }

  // ---- sequences

  private static Chain<SequenceBuilder> sequence(Sequence s) {
    Chain<SequenceBuilder> ch = new Chain<>();
    s.start().ifPresent(v -> ch.call("start(" + longArg(v) + ")", b -> b.start(v)));
    if (s.increment() != 1) {
      ch.call("increment(" + longArg(s.increment()) + ")", b -> b.increment(s.increment()));
    }
    s.minValue().ifPresent(v -> ch.call("minValue(" + longArg(v) + ")", b -> b.minValue(v)));
    s.maxValue().ifPresent(v -> ch.call("maxValue(" + longArg(v) + ")", b -> b.maxValue(v)));
    if (s.cache() != 1) {
      ch.call("cache(" + longArg(s.cache()) + ")", b -> b.cache(s.cache()));
    }
    if (s.cycle()) {
      ch.call("cycle()", SequenceBuilder::cycle);
    }
    s.ownedBy()
        .ifPresent(
            r -> {
              String table = r.table().toString();
              ch.call(
                  "ownedBy(" + string(table) + ", " + string(r.column()) + ")",
                  b -> b.ownedBy(table, r.column()));
            });
    return ch;
  }

  /** A long argument, with the {@code L} suffix only where an int literal cannot hold it. */
  private static String longArg(long v) {
    return v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE ? Long.toString(v) : v + "L";
  }

  Optional<Call> createSequence(CreateSequence o) {
    String name = o.sequence().name().toString();
    Chain<SequenceBuilder> spec = sequence(o.sequence());
    return Optional.of(
        spec.isEmpty()
            ? new Call("op.createSequence(" + string(name) + ");", ops -> ops.createSequence(name))
            : new Call(
                "op.createSequence(" + string(name) + ", " + spec.lambda("s") + ");",
                ops -> ops.createSequence(name, spec::applyTo)));
  }

  Optional<Call> dropSequence(DropSequence o) {
    String name = o.name().toString();
    if (o.definition().isEmpty()) {
      return Optional.of(
          new Call("op.dropSequence(" + string(name) + ");", ops -> ops.dropSequence(name)));
    }
    Chain<SequenceBuilder> spec = sequence(o.definition().get());
    return Optional.of(
        new Call(
            "op.dropSequence(" + string(name) + ", " + spec.lambda("s") + ");",
            ops -> ops.dropSequence(name, spec::applyTo)));
  }

  Optional<Call> alterSequence(AlterSequence o) {
    Chain<SequenceBuilder> from = sequence(o.from());
    Chain<SequenceBuilder> to = sequence(o.to());
    return Optional.of(
        new Call(
            "op.alterSequence("
                + string(o.name().toString())
                + ", "
                + from.lambda("s")
                + ", "
                + to.lambda("s")
                + ");",
            ops -> ops.alterSequence(o.name().toString(), from::applyTo, to::applyTo)));
  }

  // ---- domains

  private Chain<DomainBuilder> domain(Domain d) {
    Chain<DomainBuilder> ch = new Chain<>();
    if (!d.nullable()) {
      ch.call("notNull()", DomainBuilder::notNull);
    }
    d.defaultValue()
        .ifPresent(
            v ->
                ch.defaultValue(
                    v,
                    "defaultValue",
                    "defaultExpr",
                    DomainBuilder::defaultValue,
                    DomainBuilder::defaultExpr));
    for (CheckConstraint c : d.checks()) {
      String name = c.name().orElse(null);
      ch.call(
          "check(" + values.of(name) + ", " + string(c.expression()) + ")",
          b -> b.check(name, c.expression()));
    }
    return ch;
  }

  Optional<Call> createDomain(CreateDomain o) {
    Domain d = o.domain();
    Chain<DomainBuilder> spec = domain(d);
    return Optional.of(
        new Call(
            "op.createDomain("
                + string(d.name().toString())
                + ", "
                + values.columnType(d.baseType())
                + ", "
                + spec.lambda("d")
                + ");",
            ops -> ops.createDomain(d.name().toString(), d.baseType(), spec::applyTo)));
  }

  Optional<Call> dropDomain(DropDomain o) {
    String name = o.name().toString();
    if (o.definition().isEmpty()) {
      return Optional.of(
          new Call("op.dropDomain(" + string(name) + ");", ops -> ops.dropDomain(name)));
    }
    Domain d = o.definition().get();
    Chain<DomainBuilder> spec = domain(d);
    return Optional.of(
        new Call(
            "op.dropDomain("
                + string(name)
                + ", "
                + values.columnType(d.baseType())
                + ", "
                + spec.lambda("d")
                + ");",
            ops -> ops.dropDomain(name, d.baseType(), spec::applyTo)));
  }

  // ---- schemas and extensions

  Optional<Call> createSchema(CreateSchema o) {
    return Optional.of(
        o.ifNotExists()
            ? new Call(
                "op.createSchema(" + string(o.name()) + ", true);",
                ops -> ops.createSchema(o.name(), true))
            : new Call(
                "op.createSchema(" + string(o.name()) + ");", ops -> ops.createSchema(o.name())));
  }

  Optional<Call> dropSchema(DropSchema o) {
    if (o.ifExists() && !o.cascade()) {
      return Optional.of(
          new Call(
              "op.dropSchemaIfExists(" + string(o.name()) + ");",
              ops -> ops.dropSchemaIfExists(o.name())));
    }
    if (o.ifExists()) {
      return Optional.empty();
    }
    return Optional.of(
        o.cascade()
            ? new Call(
                "op.dropSchema(" + string(o.name()) + ", true);",
                ops -> ops.dropSchema(o.name(), true))
            : new Call(
                "op.dropSchema(" + string(o.name()) + ");", ops -> ops.dropSchema(o.name())));
  }

  Optional<Call> createExtension(CreateExtension o) {
    if (o.schema().isEmpty() && !o.ifNotExists()) {
      return Optional.of(
          new Call(
              "op.createExtension(" + string(o.name()) + ");",
              ops -> ops.createExtension(o.name())));
    }
    String schema = o.schema().orElse(null);
    return Optional.of(
        new Call(
            "op.createExtension("
                + string(o.name())
                + ", "
                + values.of(schema)
                + ", "
                + o.ifNotExists()
                + ");",
            ops -> ops.createExtension(o.name(), schema, o.ifNotExists())));
  }

  Optional<Call> dropExtension(DropExtension o) {
    if (o.schema().isEmpty() && !o.ifExists()) {
      return Optional.of(
          new Call(
              "op.dropExtension(" + string(o.name()) + ");", ops -> ops.dropExtension(o.name())));
    }
    String schema = o.schema().orElse(null);
    return Optional.of(
        new Call(
            "op.dropExtension("
                + string(o.name())
                + ", "
                + values.of(schema)
                + ", "
                + o.ifExists()
                + ");",
            ops -> ops.dropExtension(o.name(), schema, o.ifExists())));
  }
}
