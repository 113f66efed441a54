package org.example.shop;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.Check;

@Entity
@Check(constraints = "total >= 0")
public class PurchaseOrder {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "customer_id", foreignKey = @ForeignKey(name = "fk_order_customer"))
  Customer customer;

  @OneToOne Payment payment;

  long total;

  LocalDateTime placedAt;

  @OneToMany(mappedBy = "order")
  List<OrderLine> lines = new ArrayList<>();

  @Column(columnDefinition = "text")
  String currency;
}
