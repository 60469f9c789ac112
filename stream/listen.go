package stream

import (
	"net"
	"strings"
)

// listenLoopback binds the embedded broker to loopback only: a development
// broker has no authentication and must not be reachable from the network.
func listenLoopback(network, address string) (net.Listener, error) {
	if strings.HasPrefix(address, ":") {
		address = "127.0.0.1" + address
	}
	return net.Listen(network, address)
}
