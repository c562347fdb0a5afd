package dev.eaw.mlops.artifacts;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.eaw.mlops.ArtifactFile;
import dev.eaw.mlops.ArtifactStore.Part;
import dev.eaw.mlops.TrackingError;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The local store's multipart uploads: parts wait under the store's root where no artifact path reaches and no listing
 * shows them, join in the order of their numbers, are checked against their ETags and the upload's target, and go
 * when the upload completes or aborts; the size limit counts the whole file.
 */
class LocalMultipartUploadsTests {

	@TempDir
	Path root;

	private static ByteArrayInputStream text(String value) {
		return new ByteArrayInputStream(value.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void partsJoinInNumberOrderAndThenGo() throws Exception {
		LocalArtifactStore store = new LocalArtifactStore(root, 1_000);
		String id = store.startMultipart("1/run/artifacts/data.csv");
		String third = store.uploadPart(id, 3, text("c"));
		String first = store.uploadPart(id, 1, text("a,"));
		String second = store.uploadPart(id, 2, text("b,"));
		assertThat(first).matches("\"[0-9a-f]{32}\"");
		assertThat(store.list("")).extracting(ArtifactFile::path).doesNotContain(LocalMultipartUploads.DIRECTORY);

		store.completeMultipart(id, "1/run/artifacts/data.csv",
				List.of(new Part(3, third), new Part(1, first), new Part(2, second)));

		assertThat(Files.readString(store.download("1/run/artifacts/data.csv"))).isEqualTo("a,b,c");
		assertThat(root.resolve(LocalMultipartUploads.DIRECTORY).resolve(id)).doesNotExist();
		assertThatThrownBy(() -> store.uploadPart(id, 1, text("x"))).isInstanceOfSatisfying(TrackingError.class,
				error -> assertThat(error.code()).isEqualTo(TrackingError.Code.RESOURCE_DOES_NOT_EXIST));
	}

	@Test
	void aWrongTargetEtagOrMissingPartRefusesAndKeepsTheUpload() {
		LocalArtifactStore store = new LocalArtifactStore(root, 1_000);
		String id = store.startMultipart("a/file.bin");
		String etag = store.uploadPart(id, 1, text("one"));
		assertThatThrownBy(() -> store.completeMultipart(id, "a/other.bin", List.of(new Part(1, etag))))
			.isInstanceOf(TrackingError.class);
		assertThatThrownBy(() -> store.completeMultipart(id, "a/file.bin", List.of(new Part(1, "\"0\""))))
			.hasMessageContaining("ETag");
		assertThatThrownBy(() -> store.completeMultipart(id, "a/file.bin", List.of(new Part(1, etag), new Part(2, ""))))
			.hasMessageContaining("not uploaded");
		assertThatThrownBy(() -> store.completeMultipart(id, "a/file.bin", List.of(new Part(1, etag), new Part(1, etag))))
			.hasMessageContaining("twice");
		assertThat(root.resolve("a/file.bin")).doesNotExist();
		assertThat(root.resolve("a")).isEmptyDirectory();

		store.abortMultipart(id, "a/file.bin");
		assertThat(root.resolve(LocalMultipartUploads.DIRECTORY).resolve(id)).doesNotExist();
	}

	@Test
	void theUploadsDirectoryIsOutOfReachAndIdsCannotEscape() {
		LocalArtifactStore store = new LocalArtifactStore(root, 1_000);
		String id = store.startMultipart("x.bin");
		for (String path : new String[] { ".multipart-uploads/" + id + "/part-00001", ".multipart-uploads",
				".multipart-uploads/" + id + "/target" }) {
			assertThatThrownBy(() -> store.upload(path, text("evil"))).isInstanceOf(TrackingError.class);
			assertThatThrownBy(() -> store.download(path)).isInstanceOf(TrackingError.class);
			assertThatThrownBy(() -> store.delete(path)).isInstanceOf(TrackingError.class);
		}
		assertThatThrownBy(() -> store.startMultipart(".multipart-uploads/y.bin")).isInstanceOf(TrackingError.class);
		assertThatThrownBy(() -> store.uploadPart("../../etc", 1, text("x"))).isInstanceOfSatisfying(
				TrackingError.class, error -> assertThat(error.code()).isEqualTo(TrackingError.Code.RESOURCE_DOES_NOT_EXIST));
		assertThatThrownBy(() -> store.uploadPart(id, 0, text("x"))).isInstanceOf(TrackingError.class);
		assertThatThrownBy(() -> store.uploadPart(id, 10_001, text("x"))).isInstanceOf(TrackingError.class);
	}

	@Test
	void theSizeLimitCountsTheWholeFile() {
		LocalArtifactStore store = new LocalArtifactStore(root, 10);
		String id = store.startMultipart("big.bin");
		String first = store.uploadPart(id, 1, text("123456"));
		String second = store.uploadPart(id, 2, text("789012"));
		assertThatThrownBy(() -> store.uploadPart(id, 3, text("12345678901"))).hasMessageContaining("larger than 10");
		assertThatThrownBy(() -> store.completeMultipart(id, "big.bin", List.of(new Part(1, first), new Part(2, second))))
			.hasMessageContaining("larger than 10");
		assertThat(root.resolve("big.bin")).doesNotExist();
	}

}
