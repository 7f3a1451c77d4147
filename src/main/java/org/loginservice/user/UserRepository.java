package org.loginservice.user;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface UserRepository extends JpaRepository<User, Long> {

	Optional<User> findByCanonicalUsername(String canonicalUsername);

	boolean existsByCanonicalUsername(String canonicalUsername);

}
