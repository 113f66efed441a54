package org.example.bad.plain;

/** No entity at all: a package of these has none, and naming it is an error. */
public class Plain {
  String name;
}
