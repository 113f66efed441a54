package com.example.worlds;

import org.springframework.data.jpa.repository.JpaRepository;

/** The worlds, through Spring Data JPA. */
public interface WorldRepository extends JpaRepository<World, Long> {}
