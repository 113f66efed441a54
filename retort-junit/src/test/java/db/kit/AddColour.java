package db.kit;

import static dev.retort.schema.ColumnType.*;

import dev.retort.migration.Migration;
import dev.retort.migration.Revision;
import dev.retort.ops.Operations;

/**
 * A migration compiled with the tests: Maven's compiler runs retort-core's annotation processor,
 * which lists it in target/test-classes/META-INF/retort/migrations.
 */
@Revision(id = "k2", revises = "k1", message = "things get a colour, compiled")
public final class AddColour implements Migration {
  @Override
  public void upgrade(Operations op) {
    op.addColumn("things", "colour", varchar(20));
  }

  @Override
  public void downgrade(Operations op) {
    op.dropColumn("things", "colour");
  }
}
