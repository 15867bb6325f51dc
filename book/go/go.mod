module workshop/book

go 1.22
