package io.tributary.writers.s3;

import io.tributary.writers.s3.S3LoadState.PendingFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListMultipartUploadsResponse;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The few S3 operations the destination needs, on one bucket. */
final class S3Objects implements AutoCloseable {

    /** S3's limit on the parts of one upload. */
    private static final int MAX_PARTS = 10_000;

    private static final int DELETE_BATCH = 1000;

    /** Parts and journal objects in flight at once: overlaps network latency, memory stays one buffer per task. */
    private static final int PARALLEL_UPLOADS = 4;

    private final S3Client client;
    private final String bucket;
    private final ExecutorService uploads;

    S3Objects(S3Client client, String bucket) {
        this.client = client;
        this.bucket = bucket;
        AtomicInteger threads = new AtomicInteger();
        this.uploads = Executors.newFixedThreadPool(PARALLEL_UPLOADS, r -> {
            Thread t = new Thread(r, "s3-upload-" + bucket + "-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    String bucket() {
        return bucket;
    }

    /**
     * Uploads a local file as the parts of a new multipart upload and leaves the upload open: the
     * object appears, whole, only when {@link #complete} is called. Parts are read from the file
     * again on a retry, so no part is held in memory.
     */
    PendingFile uploadParts(String key, Path file, long partSize) {
        long size = size(file);
        long effectivePart = Math.max(partSize, (size + MAX_PARTS - 1) / MAX_PARTS);
        String uploadId =
                client.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
        try {
            List<Future<String>> etags = new ArrayList<>();
            long offset = 0;
            int number = 1;
            do {
                long start = offset;
                long length = Math.min(effectivePart, size - offset);
                int partNumber = number;
                etags.add(uploads.submit(() -> client.uploadPart(
                                b -> b.bucket(bucket)
                                        .key(key)
                                        .uploadId(uploadId)
                                        .partNumber(partNumber)
                                        .contentLength(length),
                                RequestBody.fromContentProvider(
                                        () -> range(file, start, length), length, "application/octet-stream"))
                        .eTag()));
                offset += length;
                number++;
            } while (offset < size);
            List<String> done = new ArrayList<>();
            for (Future<String> etag : etags) {
                done.add(await(etag));
            }
            return new PendingFile(key, uploadId, done, size);
        } catch (RuntimeException e) {
            abortQuietly(key, uploadId);
            throw e;
        }
    }

    /**
     * Starts making a small object's content (the buffer's remaining bytes) and writing it, both on an
     * upload thread; {@link #await} the result before relying on it.
     */
    Future<?> putAsync(String key, Supplier<ByteBuffer> content) {
        return uploads.submit(() -> put(key, content.get()));
    }

    /** The result of an upload task; its failure rethrown as it was (S3 and SDK exceptions are unchecked). */
    static <T> T await(Future<T> task) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            task.cancel(true);
            throw new IllegalStateException("interrupted while uploading to S3", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Completes a pending upload. Returns normally when the object is there, also when an earlier run
     * completed it already; fails when the upload is gone and the object is not there.
     */
    void complete(PendingFile file) {
        List<CompletedPart> parts = new ArrayList<>();
        for (int i = 0; i < file.etags().size(); i++) {
            parts.add(CompletedPart.builder()
                    .partNumber(i + 1)
                    .eTag(file.etags().get(i))
                    .build());
        }
        try {
            client.completeMultipartUpload(b ->
                    b.bucket(bucket).key(file.key()).uploadId(file.uploadId()).multipartUpload(m -> m.parts(parts)));
        } catch (NoSuchUploadException | NoSuchKeyException e) {
            if (!exists(file.key())) {
                throw new IllegalStateException(
                        "the staged upload of s3://" + bucket + "/" + file.key()
                                + " is gone (aborted by a later sync of this stream or by a bucket lifecycle rule) and the "
                                + "object does not exist; this sync cannot be finished: run a new sync",
                        e);
            }
        }
    }

    /** Aborts every open multipart upload under {@code prefix} whose key matches and whose id is not kept. */
    List<String> abortUploads(String prefix, Predicate<String> key, Set<String> keepUploadIds) {
        List<String> aborted = new ArrayList<>();
        String keyMarker = null;
        String idMarker = null;
        ListMultipartUploadsResponse page;
        do {
            String km = keyMarker;
            String im = idMarker;
            page = client.listMultipartUploads(
                    b -> b.bucket(bucket).prefix(prefix).keyMarker(km).uploadIdMarker(im));
            for (MultipartUpload upload : page.uploads()) {
                if (key.test(upload.key()) && !keepUploadIds.contains(upload.uploadId())) {
                    abortQuietly(upload.key(), upload.uploadId());
                    aborted.add(upload.key());
                }
            }
            keyMarker = page.nextKeyMarker();
            idMarker = page.nextUploadIdMarker();
        } while (Boolean.TRUE.equals(page.isTruncated()));
        return aborted;
    }

    void abort(PendingFile file) {
        abortQuietly(file.key(), file.uploadId());
    }

    private void abortQuietly(String key, String uploadId) {
        try {
            client.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
        } catch (NoSuchUploadException gone) {
            // already aborted or completed
        }
    }

    /** Keys under {@code prefix}, all pages. */
    List<String> list(String prefix) {
        List<String> keys = new ArrayList<>();
        client.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream()
                .map(S3Object::key)
                .forEach(keys::add);
        return keys;
    }

    /** The "folders" directly under {@code prefix} (common prefixes with delimiter {@code /}). */
    List<String> folders(String prefix) {
        List<String> folders = new ArrayList<>();
        client.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix).delimiter("/"))
                .commonPrefixes()
                .forEach(p -> folders.add(p.prefix()));
        return folders;
    }

    void delete(List<String> keys) {
        for (int from = 0; from < keys.size(); from += DELETE_BATCH) {
            List<ObjectIdentifier> batch = keys.subList(from, Math.min(keys.size(), from + DELETE_BATCH)).stream()
                    .map(k -> ObjectIdentifier.builder().key(k).build())
                    .toList();
            var response = client.deleteObjects(
                    b -> b.bucket(bucket).delete(d -> d.objects(batch).quiet(true)));
            if (!response.errors().isEmpty()) {
                throw new IllegalStateException("cannot delete from s3://" + bucket + ": "
                        + response.errors().stream()
                                .map(e -> e.key() + " (" + e.code() + " " + e.message() + ")")
                                .toList());
            }
        }
    }

    void put(String key, byte[] content) {
        put(key, ByteBuffer.wrap(content));
    }

    /** Writes the buffer's remaining bytes as the object, from its array: a retry reads them again, none is copied. */
    private void put(String key, ByteBuffer content) {
        byte[] array = content.array();
        int offset = content.arrayOffset() + content.position();
        int length = content.remaining();
        client.putObject(
                b -> b.bucket(bucket).key(key).contentLength((long) length),
                RequestBody.fromContentProvider(
                        () -> new ByteArrayInputStream(array, offset, length), length, "application/octet-stream"));
    }

    Optional<InputStream> get(String key) {
        try {
            ResponseInputStream<GetObjectResponse> in =
                    client.getObject(b -> b.bucket(bucket).key(key));
            return Optional.of(in);
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    boolean exists(String key) {
        try {
            client.headObject(b -> b.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream range(Path file, long start, long length) {
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
            channel.position(start);
            InputStream in = Channels.newInputStream(channel);
            return new java.io.FilterInputStream(in) {
                private long left = length;

                @Override
                public int read() throws IOException {
                    if (left <= 0) {
                        return -1;
                    }
                    int b = super.read();
                    if (b >= 0) {
                        left--;
                    }
                    return b;
                }

                @Override
                public int read(byte[] buf, int off, int len) throws IOException {
                    if (left <= 0) {
                        return -1;
                    }
                    int n = super.read(buf, off, (int) Math.min(len, left));
                    if (n > 0) {
                        left -= n;
                    }
                    return n;
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        uploads.shutdownNow();
        client.close();
    }
}
