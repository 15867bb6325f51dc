// Command decode turns the fake upstream's weather and github documents into Go structs
// with json.Unmarshal, then shows what Go does with a missing or mistyped field.
//
// The one idea: Go never says "missing". A field the JSON does not mention keeps its zero
// value, so a weather report without a temperature reads as 0 °C. The Rust version of
// this step makes that an error unless the struct asks for a default.
//
// Run it with `go run ./01-typed-json/decode` from book/go.
package main

import (
	"encoding/json"
	"fmt"
)

// ANCHOR: types
// Weather is GET /weather. The tags name the JSON keys; a pointer is how Go
// spells "may be null".
type Weather struct {
	City        string   `json:"city"`
	Temperature float64  `json:"temperature_c"`
	Conditions  string   `json:"conditions"`
	WindKmh     *float64 `json:"wind_kmh"`
}

// GitHub is GET /github: a struct holding a slice of structs.
type GitHub struct {
	User        string `json:"user"`
	PublicRepos int    `json:"public_repos"`
	Repos       []Repo `json:"repos"`
}

// Repo is one element of "repos".
type Repo struct {
	Name     string  `json:"name"`
	Stars    int     `json:"stars"`
	Language *string `json:"language"`
}

// ANCHOR_END: types

const weatherBody = `{"service":"weather","city":"Berlin","temperature_c":21.5,"conditions":"sunny","wind_kmh":null}`
const githubBody = `{"service":"github","user":"gopher","public_repos":12,"repos":[{"name":"workshop","stars":99,"language":"Rust"},{"name":"gopher-tools","stars":41,"language":null}]}`

func main() {
	// ANCHOR: unmarshal
	var weather Weather
	if err := json.Unmarshal([]byte(weatherBody), &weather); err != nil {
		fmt.Println("weather:", err)
		return
	}
	fmt.Printf("weather: %s, %.1f °C, %s, wind known: %t\n", weather.City,
		weather.Temperature, weather.Conditions, weather.WindKmh != nil)

	var github GitHub
	if err := json.Unmarshal([]byte(githubBody), &github); err != nil {
		fmt.Println("github:", err)
		return
	}
	for _, repo := range github.Repos {
		language := "unknown"
		if repo.Language != nil {
			language = *repo.Language
		}
		fmt.Printf("github: %s/%s, %d stars, %s\n",
			github.User, repo.Name, repo.Stars, language)
	}
	// ANCHOR_END: unmarshal

	// ANCHOR: surprise
	// The temperature is missing: no error, and Berlin is at a plausible 0 °C.
	var noTemp Weather
	err := json.Unmarshal([]byte(`{"city":"Berlin"}`), &noTemp)
	fmt.Printf("missing temperature: %.1f °C, err = %v\n",
		noTemp.Temperature, err)

	// A negative star count fits an int: no error either.
	var negative Repo
	err = json.Unmarshal([]byte(`{"name":"workshop","stars":-1}`), &negative)
	fmt.Printf("negative stars: %d, err = %v\n", negative.Stars, err)

	// A value of the wrong type is an error, and Go's message names the field.
	var wrongType GitHub
	err = json.Unmarshal([]byte(`{"repos":[{"stars":"many"}]}`), &wrongType)
	fmt.Printf("wrong type: err = %v\n", err)
	// ANCHOR_END: surprise
}
