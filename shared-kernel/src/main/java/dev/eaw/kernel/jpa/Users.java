package dev.eaw.kernel.jpa;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface Users extends JpaRepository<UserEntity, Long> {

	Optional<UserEntity> findByUsernameIgnoreCase(String username);

	List<UserEntity> findAllByOrderByUsernameAsc();

}
