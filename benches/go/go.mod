module workshop/benches

go 1.22
