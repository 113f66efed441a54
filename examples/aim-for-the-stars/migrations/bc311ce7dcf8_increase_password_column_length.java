import static dev.retort.schema.ColumnType.*;

import dev.retort.migration.Migration;
import dev.retort.migration.Revision;
import dev.retort.ops.Operations;

/** Room for stronger password hashes (pbkdf2, argon2) than 128 characters allow. */
@Revision(id = "bc311ce7dcf8", revises = "1a2b3c4d5e6f",
    message = "increase password column length", created = "2026-01-13T10:00:00Z")
final class IncreasePasswordColumnLength implements Migration {
  @Override
  public void upgrade(Operations op) {
    op.alterColumn("user", "password",
        c -> c.existingType(varchar(128)).type(varchar(255)).existingNullable(false));
  }

  @Override
  public void downgrade(Operations op) {
    op.alterColumn("user", "password",
        c -> c.existingType(varchar(255)).type(varchar(128)).existingNullable(false));
  }
}
