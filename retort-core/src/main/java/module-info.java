/**
 * Retort's core: the library facade ({@link dev.retort.Retort}), the schema model, the operations
 * migrations are written in, and the dialect SPI. The packages not exported (the runner, the
 * revision files, autogenerate, the code writers) are the engine behind the facade; the command
 * line and the integrations, which put this jar on the class path, see them as any class path user
 * does.
 */
module dev.retort {
  requires transitive java.sql;
  requires java.compiler;
  // the revision index processor runs inside javac, which has it
  requires static jdk.compiler;

  exports dev.retort;
  exports dev.retort.schema;
  exports dev.retort.ops;
  exports dev.retort.migration;
  exports dev.retort.dsl;
  exports dev.retort.dialect;
  exports dev.retort.inspect;
  exports dev.retort.diff;
  exports dev.retort.error;
  exports dev.retort.source;
  exports dev.retort.text;

  uses dev.retort.dialect.Dialect;
  uses dev.retort.source.EntitySchemaReader;

  provides javax.annotation.processing.Processor with
      dev.retort.script.RevisionProcessor;
}
