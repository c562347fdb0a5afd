package dev.eaw.kernel.jpa;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ApiTokenEntities extends JpaRepository<ApiTokenEntity, Long> {

	Optional<ApiTokenEntity> findByHash(String hash);

	List<ApiTokenEntity> findByUserIdAndRevokedAtIsNullOrderByCreatedAtDesc(Long userId);

}
