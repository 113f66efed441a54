package dev.retort.script;

import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.retort.migration.Migration;
import dev.retort.migration.Revision;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * The annotation processor that indexes compiled Java migrations: every class annotated {@link
 * Revision} goes into {@code META-INF/retort/migrations} in the compiler's class output, with its
 * header and the checksum of its source file (see {@link MigrationIndex}). An application that
 * ships its migrations compiled finds them through that index at run time, on a JRE, without
 * scanning the class path.
 *
 * <p>javac runs it when {@code retort-core} is on the class path (JDK 22 and earlier) or on the
 * processor path; JDK 23 and later run processors only when asked: add {@code retort-core} to
 * {@code annotationProcessorPaths} of the Maven compiler plugin, or pass {@code -proc:full}.
 *
 * <p>What it refuses, at build time where the annotation is: a {@code @Revision} class that does
 * not implement {@link Migration}, is abstract, is not a top-level class or has no constructor
 * without parameters; a malformed id, branch label or message; two classes with one id; and a
 * concrete class implementing {@link Migration} without {@code @Revision}, which would never run.
 */
@javax.annotation.processing.SupportedAnnotationTypes("*")
public final class RevisionProcessor extends AbstractProcessor {
  private final Map<String, MigrationIndex.Entry> byId = new LinkedHashMap<>();
  private final Map<String, String> classOfId = new LinkedHashMap<>();

  /** Created by javac through {@link java.util.ServiceLoader}. */
  public RevisionProcessor() {}

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    TypeElement migration =
        processingEnv.getElementUtils().getTypeElement(Migration.class.getName());
    if (migration != null) {
      for (TypeElement type : ElementFilter.typesIn(round.getRootElements())) {
        examine(type, migration.asType());
        nested(type);
      }
    }
    if (round.processingOver() && !byId.isEmpty()) {
      write();
    }
    return false; // claims nothing: other processors see the same annotations
  }

  /** A nested class cannot be a migration; one annotated as one is refused, however deep. */
  private void nested(TypeElement outer) {
    for (TypeElement inner : ElementFilter.typesIn(outer.getEnclosedElements())) {
      if (inner.getAnnotation(Revision.class) != null) {
        error(
            inner,
            "@Revision class "
                + inner.getQualifiedName()
                + ": it is nested in "
                + outer
                + "; a migration is a top-level class");
      }
      nested(inner);
    }
  }

  private void examine(TypeElement type, TypeMirror migration) {
    Revision revision = type.getAnnotation(Revision.class);
    boolean isMigration =
        processingEnv
            .getTypeUtils()
            .isAssignable(processingEnv.getTypeUtils().erasure(type.asType()), migration);
    boolean concrete =
        !type.getModifiers().contains(Modifier.ABSTRACT)
            && (type.getKind() == ElementKind.CLASS || type.getKind() == ElementKind.RECORD);
    if (revision == null) {
      if (isMigration && concrete) {
        error(
            type,
            type.getQualifiedName()
                + " implements Migration but has no @Revision: Retort "
                + "finds compiled migrations through that annotation, so this one would never run."
                + " Annotate it, or make it abstract if it is a base for migrations");
      }
      return;
    }
    List<String> problems = new ArrayList<>();
    if (!isMigration) {
      problems.add("it does not implement dev.retort.migration.Migration");
    }
    if (!concrete) {
      problems.add("it is abstract or not a class; a migration is a concrete class");
    }
    if (concrete && !hasNoArgConstructor(type)) {
      problems.add("it has no constructor without parameters, which Retort calls");
    }
    MigrationIndex.Entry entry =
        new MigrationIndex.Entry(
            processingEnv.getElementUtils().getBinaryName(type).toString(),
            revision.id(),
            Arrays.asList(revision.revises()),
            Arrays.asList(revision.branchLabels()),
            Arrays.asList(revision.dependsOn()),
            revision.transactional(),
            checksum(type),
            revision.message());
    problems.addAll(MigrationIndex.problems(entry));
    String other = classOfId.putIfAbsent(entry.id(), entry.className());
    if (other != null && !other.equals(entry.className())) {
      problems.add(
          "revision id '"
              + entry.id()
              + "' is also the id of "
              + other
              + "; give one of them a new id");
    }
    if (!problems.isEmpty()) {
      error(
          type, "@Revision class " + type.getQualifiedName() + ": " + String.join("; ", problems));
      return;
    }
    byId.put(entry.id(), entry);
  }

  private static boolean hasNoArgConstructor(TypeElement type) {
    List<ExecutableElement> ctors = ElementFilter.constructorsIn(type.getEnclosedElements());
    return ctors.stream().anyMatch(c -> c.getParameters().isEmpty());
  }

  /**
   * The checksum the command line records for the class's source file: the text javac read, encoded
   * as UTF-8, line endings normalised. Through the compiler's tree API, which javac offers its
   * processors; a compiler without it cannot index migrations.
   */
  private String checksum(TypeElement type) {
    try {
      TreePath path = Trees.instance(processingEnv).getPath(type);
      CharSequence text = path.getCompilationUnit().getSourceFile().getCharContent(true);
      return Checksum.of(text.toString().getBytes(StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      error(
          type,
          "cannot read the source of "
              + type.getQualifiedName()
              + " to checksum it ("
              + e
              + "); Retort indexes migrations compiled by javac");
      return "";
    }
  }

  private void write() {
    try {
      FileObject index =
          processingEnv
              .getFiler()
              .createResource(
                  StandardLocation.CLASS_OUTPUT, "", MigrationIndex.RESOURCE, originating());
      try (Writer w = index.openWriter()) {
        w.write(MigrationIndex.write(List.copyOf(byId.values())));
      }
    } catch (IOException e) {
      processingEnv
          .getMessager()
          .printMessage(
              Diagnostic.Kind.ERROR,
              "cannot write " + MigrationIndex.RESOURCE + ": " + e.getMessage());
    }
  }

  private Element[] originating() {
    return byId.values().stream()
        .map(e -> processingEnv.getElementUtils().getTypeElement(e.className().replace('$', '.')))
        .filter(java.util.Objects::nonNull)
        .toArray(Element[]::new);
  }

  private void error(Element where, String message) {
    processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, message, where);
  }
}
