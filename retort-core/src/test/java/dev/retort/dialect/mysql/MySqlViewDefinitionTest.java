package dev.retort.dialect.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class MySqlViewDefinitionTest {

  @Test
  void theDatabasesOwnNameGoesAndWhatItNamesIsKept() {
    MySqlViewDefinition d =
        MySqlViewDefinition.parse(
            "select `app`.`users`.`id` AS `id`,`v`.`n` AS `n`,`app`.`f`(`app`.`users`.`age`) AS"
                + " `x`,`other`.`t`.`c` AS `c` from ((`app`.`users` join `app`.`v`)"
                + " join `other`.`t`) where `app`.`users`.`email` <> 'it''s `app`.`no`; \\' `app`.'",
            "app",
            Set.of("users"),
            Set.of("view:v"),
            Set.of("function:f"));
    assertThat(d.text())
        .isEqualTo(
            "select `users`.`id` AS `id`,`v`.`n` AS `n`,`f`(`users`.`age`) AS"
                + " `x`,`other`.`t`.`c` AS `c` from ((`users` join `v`)"
                + " join `other`.`t`) where `users`.`email` <> 'it''s `app`.`no`; \\' `app`.'");
    assertThat(d.dependsOn())
        .containsExactlyInAnyOrder(
            "table:users",
            "column:users:id",
            "column:users:age",
            "column:users:email",
            "view:v",
            "function:f");
  }

  @Test
  void namesThatNeedBackticksInsideThemStayWhole() {
    MySqlViewDefinition d =
        MySqlViewDefinition.parse(
            "select `app`.`odd``name`.`a b` AS `a b` from `app`.`odd``name`",
            "app",
            Set.of("odd`name"),
            Set.of(),
            Set.of());
    assertThat(d.text()).isEqualTo("select `odd``name`.`a b` AS `a b` from `odd``name`");
    assertThat(d.dependsOn()).containsExactlyInAnyOrder("table:odd`name", "column:odd`name:a b");
  }
}
