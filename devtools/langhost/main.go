// Command pulumi-language-python is the Python language host our tools install.
//
// The Go module proxy our machines reach serves no build of Pulumi's current Python
// language host, only the one that shipped inside pulumi/sdk/v3 up to v3.68.0. That
// host runs programs fine but predates today's RunPlugin request, which carries the
// plugin's location in ProgramInfo rather than in the old Program field; so policy
// packs (run as plugins) cannot start under it, and it learns the project's virtualenv
// only from a command-line flag today's CLI no longer passes. This front end starts
// that host with the flag taken from Pulumi.yaml, relays every call to it unchanged,
// and answers RunPlugin itself.
package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/metadata"
	"google.golang.org/protobuf/proto"
	"gopkg.in/yaml.v3"
)

const runPlugin = "/pulumirpc.LanguageRuntime/RunPlugin"

// frame carries a message as the bytes on the wire, so relaying needs no schema.
type frame struct{ data []byte }

type rawCodec struct{}

func (rawCodec) Marshal(v any) ([]byte, error) { return v.(*frame).data, nil }
func (rawCodec) Unmarshal(data []byte, v any) error {
	v.(*frame).data = append([]byte(nil), data...)
	return nil
}
func (rawCodec) Name() string { return "proto" }

func main() {
	if err := run(); err != nil {
		fmt.Fprintf(os.Stderr, "pulumi-language-python: %v\n", err)
		os.Exit(1)
	}
}

func run() error {
	self, err := os.Executable()
	if err != nil {
		return err
	}
	inner := exec.Command(filepath.Join(filepath.Dir(self), "pulumi-language-python-inner"),
		append(virtualenvFlags(os.Args[1:]), os.Args[1:]...)...)
	inner.Stderr = os.Stderr
	out, err := inner.StdoutPipe()
	if err != nil {
		return err
	}
	if err := inner.Start(); err != nil {
		return fmt.Errorf("starting the inner language host: %w", err)
	}
	defer func() { _ = inner.Process.Kill() }()
	reader := bufio.NewReader(out)
	port, err := reader.ReadString('\n')
	if err != nil {
		return fmt.Errorf("reading the inner host's port: %w", err)
	}
	go func() { _, _ = io.Copy(os.Stdout, reader) }()

	conn, err := grpc.NewClient("127.0.0.1:"+strings.TrimSpace(port),
		grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		return err
	}
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	server := grpc.NewServer(
		grpc.ForceServerCodec(rawCodec{}),
		grpc.UnknownServiceHandler(func(_ any, stream grpc.ServerStream) error {
			method, _ := grpc.MethodFromServerStream(stream)
			if method == runPlugin {
				return servePlugin(stream)
			}
			return relay(conn, method, stream)
		}),
	)
	fmt.Printf("%d\n", listener.Addr().(*net.TCPAddr).Port)
	return server.Serve(listener)
}

// relay forwards one call of any shape to the inner host and streams the answers back.
func relay(conn *grpc.ClientConn, method string, stream grpc.ServerStream) error {
	md, _ := metadata.FromIncomingContext(stream.Context())
	ctx, cancel := context.WithCancel(metadata.NewOutgoingContext(stream.Context(), md.Copy()))
	defer cancel()
	desc := &grpc.StreamDesc{ServerStreams: true, ClientStreams: true}
	upstream, err := conn.NewStream(ctx, desc, method, grpc.ForceCodec(rawCodec{}))
	if err != nil {
		return err
	}
	go func() {
		for {
			msg := &frame{}
			if err := stream.RecvMsg(msg); err != nil {
				_ = upstream.CloseSend()
				return
			}
			if err := upstream.SendMsg(msg); err != nil {
				return
			}
		}
	}()
	header, err := upstream.Header()
	if err == nil {
		_ = stream.SendHeader(header)
	}
	for {
		msg := &frame{}
		if err := upstream.RecvMsg(msg); err != nil {
			stream.SetTrailer(upstream.Trailer())
			if err == io.EOF {
				return nil
			}
			return err
		}
		if err := stream.SendMsg(msg); err != nil {
			return err
		}
	}
}

// servePlugin runs a Python plugin (a policy pack or a provider) and streams its output.
func servePlugin(stream grpc.ServerStream) error {
	in := &frame{}
	if err := stream.RecvMsg(in); err != nil {
		return err
	}
	req := &pulumirpc.RunPluginRequest{}
	if err := proto.Unmarshal(in.data, req); err != nil {
		return err
	}
	python, env := interpreter(req)
	cmd := exec.CommandContext(stream.Context(), python, pluginArgs(req)...)
	cmd.Dir = req.GetPwd()
	cmd.Env = env
	send := func(resp *pulumirpc.RunPluginResponse) error {
		data, err := proto.Marshal(resp)
		if err != nil {
			return err
		}
		return stream.SendMsg(&frame{data: data})
	}
	cmd.Stdout = writerFunc(func(p []byte) error {
		return send(&pulumirpc.RunPluginResponse{
			Output: &pulumirpc.RunPluginResponse_Stdout{Stdout: append([]byte(nil), p...)}})
	})
	cmd.Stderr = writerFunc(func(p []byte) error {
		return send(&pulumirpc.RunPluginResponse{
			Output: &pulumirpc.RunPluginResponse_Stderr{Stderr: append([]byte(nil), p...)}})
	})
	code := int32(0)
	if err := cmd.Run(); err != nil {
		exitErr, ok := err.(*exec.ExitError)
		if !ok {
			return fmt.Errorf("running %s: %w", python, err)
		}
		code = int32(exitErr.ExitCode())
	}
	return send(&pulumirpc.RunPluginResponse{
		Output: &pulumirpc.RunPluginResponse_Exitcode{Exitcode: code}})
}

// pluginArgs: policy packs run through the SDK's runner, other plugins as programs.
func pluginArgs(req *pulumirpc.RunPluginRequest) []string {
	dir := req.GetInfo().GetProgramDirectory()
	if req.GetKind() == "analyzer" {
		return append([]string{"-u", "-m", "pulumi.policy"}, append(req.GetArgs(), dir)...)
	}
	entry := filepath.Join(dir, req.GetInfo().GetEntryPoint())
	return append([]string{"-u", entry}, req.GetArgs()...)
}

// interpreter picks the plugin's virtualenv (runtime option) or PULUMI_PYTHON_CMD.
func interpreter(req *pulumirpc.RunPluginRequest) (string, []string) {
	env := append([]string(nil), req.GetEnv()...)
	if len(env) == 0 {
		env = os.Environ()
	}
	venv := req.GetInfo().GetOptions().GetFields()["virtualenv"].GetStringValue()
	if venv != "" {
		if !filepath.IsAbs(venv) {
			venv = filepath.Join(req.GetInfo().GetRootDirectory(), venv)
		}
		bin := filepath.Join(venv, "bin")
		env = append(env, "VIRTUAL_ENV="+venv, "PATH="+bin+string(os.PathListSeparator)+
			os.Getenv("PATH"))
		return filepath.Join(bin, "python"), env
	}
	if python := os.Getenv("PULUMI_PYTHON_CMD"); python != "" {
		return python, env
	}
	return "python3", env
}

// virtualenvFlags passes the project's `virtualenv` runtime option the way the inner
// host reads it, unless the CLI already did.
func virtualenvFlags(args []string) []string {
	for _, arg := range args {
		if strings.HasPrefix(strings.TrimLeft(arg, "-"), "virtualenv") {
			return nil
		}
	}
	root, venv := projectVirtualenv()
	if venv == "" {
		return nil
	}
	return []string{"-root=" + root, "-virtualenv=" + venv}
}

// projectVirtualenv finds Pulumi.yaml from the working directory up and reads
// runtime.options.virtualenv; empty when there is none.
func projectVirtualenv() (string, string) {
	dir, err := os.Getwd()
	if err != nil {
		return "", ""
	}
	for {
		data, err := os.ReadFile(filepath.Join(dir, "Pulumi.yaml"))
		if err == nil {
			var project struct {
				Runtime yaml.Node `yaml:"runtime"`
			}
			if yaml.Unmarshal(data, &project) != nil {
				return "", ""
			}
			var runtime struct {
				Options struct {
					Virtualenv string `yaml:"virtualenv"`
				} `yaml:"options"`
			}
			if project.Runtime.Kind != yaml.MappingNode || project.Runtime.Decode(&runtime) != nil {
				return dir, ""
			}
			return dir, runtime.Options.Virtualenv
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", ""
		}
		dir = parent
	}
}

type writerFunc func([]byte) error

func (w writerFunc) Write(p []byte) (int, error) {
	if err := w(p); err != nil {
		return 0, err
	}
	return len(p), nil
}
