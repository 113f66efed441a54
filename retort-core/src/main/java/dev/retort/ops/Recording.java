package dev.retort.ops;

import java.sql.Connection;
import java.util.List;

/** The sink behind {@link OpSink#recording}. */
record Recording(List<Op> ops, String dialectName) implements OpSink {
  @Override
  public void accept(Op op) {
    ops.add(op);
  }

  @Override
  public Connection connection() {
    throw new NoConnection();
  }

  @Override
  public boolean isOffline() {
    return true;
  }
}
