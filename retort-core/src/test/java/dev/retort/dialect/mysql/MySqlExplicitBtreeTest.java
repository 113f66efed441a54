package dev.retort.dialect.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MySqlExplicitBtreeTest {
  @Test
  void takesTheKeysThatSayUsingBtreeAfterTheirParts() {
    String create =
        """
        CREATE TABLE `spool` (
          `username` varchar(191) NOT NULL,
          `xml` text DEFAULT 'KEY `fake` (`x`) USING BTREE',
          `seq` int(11) NOT NULL,
          PRIMARY KEY (`seq`) USING BTREE,
          UNIQUE KEY `i_spool_xml` (`username`(75),`xml`(75)) USING BTREE,
          KEY `i_despool` (`username`) USING BTREE,
          KEY `odd ``name` (`seq`) COMMENT 'USING BTREE',
          KEY `plain` (`seq`),
          KEY `hashed` (`seq`) USING HASH,
          KEY `a) USING BTREE` (`seq`),
          KEY `by_expr` ((`seq` + 1)) USING BTREE
        ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4""";
    assertThat(MySqlExplicitBtree.parse(create))
        .containsExactlyInAnyOrder("i_spool_xml", "i_despool", "by_expr");
  }

  @Test
  void aTableWithoutKeysHasNone() {
    assertThat(MySqlExplicitBtree.parse("CREATE TABLE `t` (\n  `a` int(11)\n)")).isEmpty();
  }
}
